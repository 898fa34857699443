namespace Penchant.Cli.Commands;

public sealed class ImportCommandTests(CliFixture cli)
{
    [Fact]
    public async Task Import_DuplicateIds_ExitsOneNamingTheLineAndChangesNothing()
    {
        // Arrange
        string db = cli.NewDatabase();
        Assert.Equal(0, (await cli.RunAsync(["--db", db, "--user", "bob", "remember", "I like jazz."])).ExitCode);
        string before = (await cli.RunAsync(["--db", db, "--user", "bob", "export"])).Output;
        string file = cli.WriteFile("events.jsonl", """
            {"id": "ev_a", "kind": "statement", "text": "Trains beat planes for me.", "at": "2026-01-01T10:00:00Z"}
            {"id": "ev_b", "kind": "statement", "text": "I'm vegan.", "at": "2026-01-02T10:00:00Z"}
            {"id": "ev_a", "kind": "statement", "text": "I like hiking.", "at": "2026-01-03T10:00:00Z"}
            """);

        // Act
        CliResult result = await cli.RunAsync(["--db", db, "--user", "bob", "import", file]);
        string after = (await cli.RunAsync(["--db", db, "--user", "bob", "export"])).Output;

        // Assert
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("line 3", result.Error, StringComparison.Ordinal);
        Assert.Contains("ev_a", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Import_MalformedLine_ExitsOneNamingTheLine()
    {
        string db = cli.NewDatabase();
        string file = cli.WriteFile("events.jsonl", "{\"id\": \"ev_a\", \"kind\": \"statement\", \"text\": \"I like tea.\"}\n{\"kind\": \"statement\", \"text\": \"no id\"}\n");

        CliResult result = await cli.RunAsync(["--db", db, "import", file]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("line 2", result.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, (await cli.RunAsync(["--db", db, "export"])).Output);
    }

    [Fact]
    public async Task Export_ThenImportForAnotherUser_RebuildsThePreferences()
    {
        // Arrange
        string db = cli.NewDatabase();
        string file = Path.Combine(cli.TempDirectory, Guid.NewGuid().ToString("N") + ".jsonl");
        Assert.Equal(0, (await cli.RunAsync(["--db", db, "--user", "ann", "remember", "I'm allergic to shellfish."])).ExitCode);
        Assert.Equal(0, (await cli.RunAsync(["--db", db, "--user", "ann", "remember", "Keep code examples in Python."])).ExitCode);

        // Act
        CliResult exported = await cli.RunAsync(["--db", db, "--user", "ann", "export", "--out", file]);
        CliResult imported = await cli.RunAsync(["--db", db, "--user", "cat", "import", file]);
        CliResult again = await cli.RunAsync(["--db", db, "--user", "cat", "import", file]);
        CliResult listed = await cli.RunAsync(["--db", db, "--user", "cat", "list"]);

        // Assert
        Assert.True(exported.ExitCode == 0, exported.ToString());
        Assert.Equal($"exported 2 events to {file}", exported.Output.Trim());
        Assert.Equal(2, (await File.ReadAllLinesAsync(file, TestContext.Current.CancellationToken)).Length);
        Assert.True(imported.ExitCode == 0, imported.ToString());
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("already", again.Error, StringComparison.Ordinal);
        Assert.Equal(2, listed.Lines.Count);
        Assert.Contains(listed.Lines, line => line.Contains("shellfish", StringComparison.Ordinal));
    }
}
