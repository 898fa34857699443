using System.Text.Json;

namespace Penchant.Cli.Commands;

public sealed class ForgetCommandTests(CliFixture cli)
{
    [Fact]
    public async Task Forget_UnknownPreference_ExitsOne()
    {
        CliResult result = await cli.RunAsync(["--db", cli.NewDatabase(), "forget", "pf_does_not_exist"]);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error:", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forget_KnownPreference_RemovesItAndRedactsItsSource()
    {
        // Arrange
        string db = cli.NewDatabase();
        CliResult remembered = await cli.RunAsync(["--db", db, "--json", "remember", "I live in Lyon."]);
        using JsonDocument document = JsonDocument.Parse(remembered.Output);
        string id = document.RootElement.GetProperty("created")[0].GetProperty("id").GetString()!;

        // Act
        CliResult forgotten = await cli.RunAsync(["--db", db, "forget", id]);
        CliResult again = await cli.RunAsync(["--db", db, "forget", id]);

        // Assert
        Assert.True(forgotten.ExitCode == 0, forgotten.ToString());
        Assert.Equal($"forgotten   {id}", forgotten.Output.Trim());
        Assert.Equal(1, again.ExitCode);
        Assert.Equal("no preferences", (await cli.RunAsync(["--db", db, "list"])).Output.Trim());
        Assert.DoesNotContain("Lyon", (await cli.RunAsync(["--db", db, "export"])).Output, StringComparison.Ordinal);
    }
}
