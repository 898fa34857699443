using System.Text.Json;

namespace Penchant.Cli.Commands;

public sealed class EditPreferenceCommandTests(CliFixture cli)
{
    [Fact]
    public async Task EditPreference_KnownPreference_ReplacesItAndKeepsHistory()
    {
        // Arrange
        string db = cli.NewDatabase();
        CliResult remembered = await cli.RunAsync(["--db", db, "--json", "remember", "My coffee is always black."]);
        using JsonDocument document = JsonDocument.Parse(remembered.Output);
        string id = document.RootElement.GetProperty("created")[0].GetProperty("id").GetString()!;

        // Act
        CliResult edited = await cli.RunAsync(["--db", db, "edit-preference", id, "--text", "I drink my coffee with oat milk.", "--strength", "0.8"]);

        // Assert
        Assert.True(edited.ExitCode == 0, edited.ToString());
        string list = (await cli.RunAsync(["--db", db, "list"])).Output;
        Assert.Contains("oat milk", list, StringComparison.Ordinal);
        Assert.DoesNotContain("black", list, StringComparison.Ordinal);
        Assert.Contains("black", (await cli.RunAsync(["--db", db, "history"])).Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditPreference_UnknownPreferenceOrNoChange_ExitsOne()
    {
        string db = cli.NewDatabase();

        CliResult unknown = await cli.RunAsync(["--db", db, "edit-preference", "pf_does_not_exist", "--strength", "0.5"]);
        CliResult nothing = await cli.RunAsync(["--db", db, "edit-preference", "pf_does_not_exist"]);

        Assert.Equal(1, unknown.ExitCode);
        Assert.StartsWith("error:", unknown.Error, StringComparison.Ordinal);
        Assert.Equal(1, nothing.ExitCode);
        Assert.StartsWith("error:", nothing.Error, StringComparison.Ordinal);
    }
}
