namespace Penchant.Cli.Commands;

public sealed class ObserveCommandTests(CliFixture cli)
{
    [Fact]
    public async Task Observe_MalformedLine_ExitsOneNamingTheLineAndWritesNothing()
    {
        // Arrange
        string db = cli.NewDatabase();
        Assert.Equal(0, (await cli.RunAsync(["--db", db, "remember", "I have a peanut allergy."])).ExitCode);
        string before = (await cli.RunAsync(["--db", db, "export"])).Output;
        string file = cli.WriteFile("turns.jsonl", """
            {"role": "user", "content": "I never drink coffee after noon."}
            {"role": "assistant", "content": "Noted."}
            {"role": "user", "content": "And I hate
            """);

        // Act
        CliResult result = await cli.RunAsync(["--db", db, "observe", file]);
        string after = (await cli.RunAsync(["--db", db, "export"])).Output;

        // Assert
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("line 3", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Observe_MissingContent_ExitsOneNamingTheLine()
    {
        string db = cli.NewDatabase();
        string file = cli.WriteFile("turns.jsonl", "{\"role\": \"user\", \"content\": \"I prefer window seats.\"}\n\n{\"role\": \"user\"}\n");

        CliResult result = await cli.RunAsync(["--db", db, "observe", file]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("line 3", result.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, (await cli.RunAsync(["--db", db, "export"])).Output);
    }

    [Fact]
    public async Task Observe_StandardInput_AppendsOneEventPerTurn()
    {
        string db = cli.NewDatabase();
        const string Turns = """
            {"role": "user", "content": "Please always answer me in short bullet points."}
            {"role": "assistant", "content": "Sure, I'll keep it short."}
            """;

        CliResult result = await cli.RunAsync(["--db", db, "observe", "-"], Turns);
        CliResult exported = await cli.RunAsync(["--db", db, "export"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(2, exported.Lines.Count);
    }

    [Fact]
    public async Task Observe_MissingFile_ExitsOne()
    {
        CliResult result = await cli.RunAsync(["--db", cli.NewDatabase(), "observe", Path.Combine(cli.TempDirectory, "missing.jsonl")]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("missing.jsonl", result.Error, StringComparison.Ordinal);
    }
}
