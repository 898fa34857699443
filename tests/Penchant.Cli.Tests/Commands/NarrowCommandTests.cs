using System.Text.Json;

namespace Penchant.Cli.Commands;

public sealed class NarrowCommandTests(CliFixture cli)
{
    [Fact]
    public async Task Narrow_KnownPreference_ListShowsExclusionAndHistoryKeepsOldVersion()
    {
        // Arrange
        string db = cli.NewDatabase();
        CliResult remembered = await cli.RunAsync(["--db", db, "--json", "remember", "Sign my texts with a single initial."]);
        using JsonDocument document = JsonDocument.Parse(remembered.Output);
        string id = document.RootElement.GetProperty("created")[0].GetProperty("id").GetString()!;

        // Act
        CliResult narrowed = await cli.RunAsync(["--db", db, "--json", "narrow", id, "--not-for", "not for my grandparents"]);

        // Assert
        Assert.True(narrowed.ExitCode == 0, narrowed.ToString());
        using JsonDocument change = JsonDocument.Parse(narrowed.Output);
        JsonElement scope = change.RootElement.GetProperty("created")[0].GetProperty("scope");
        Assert.Equal("my grandparents", scope.GetProperty("exclusions")[0].GetString());
        Assert.Equal(id, change.RootElement.GetProperty("superseded")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task Narrow_UnknownPreferenceOrMissingSituation_ExitsOne()
    {
        string db = cli.NewDatabase();

        CliResult unknown = await cli.RunAsync(["--db", db, "narrow", "pf_does_not_exist", "--not-for", "my grandparents"]);
        CliResult missing = await cli.RunAsync(["--db", db, "narrow", "pf_does_not_exist"]);

        Assert.Equal(1, unknown.ExitCode);
        Assert.StartsWith("error:", unknown.Error, StringComparison.Ordinal);
        Assert.NotEqual(0, missing.ExitCode);
    }
}
