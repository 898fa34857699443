namespace Penchant.Cli.Commands;

public sealed class EvalHygieneCommandTests(CliFixture cli)
{
    [Fact]
    public async Task EvalHygiene_RepeatedAndRevisedStatements_ReportsDuplicatesAndSupersessions()
    {
        // Arrange: one preference said three ways, two about different things in the same situation, and one revision among unrelated statements.
        string folder = Directory.CreateDirectory(Path.Combine(cli.TempDirectory, Guid.NewGuid().ToString("N"))).FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "repetition.jsonl"), """
            {"id": "h1", "variants": ["I don't eat pork.", "Reminder: I do not eat pork.", "No pork for me, I don't eat pork."]}
            {"id": "s1", "apart": ["When I fly, I want an aisle seat.", "When I fly, I have a peanut allergy."]}
            """, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(folder, "updates.jsonl"), """
            {"id": "u1", "background": ["I'm vegetarian.", "I prefer an aisle seat when I fly.", "I write code in C#."], "old": "I'm vegetarian.", "new": "I've started eating fish again.", "kind": "revise"}
            """, TestContext.Current.CancellationToken);

        // Act
        CliResult result = await cli.RunAsync(["eval", "hygiene", "--data", folder]);

        // Assert
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("hygiene: statements=5 preferences=3 duplicates=0 wrong_merges=0 apart=2 apart_merged=0 updates=1 correct=1 missed=0 unrelated_superseded=0 merged_updates=0", result.Lines[^1]);
    }

    [Fact]
    public async Task EvalHygiene_MissingFolder_ExitsWithBadInput()
    {
        CliResult result = await cli.RunAsync(["eval", "hygiene", "--data", "/nonexistent/hygiene"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("repetition.jsonl", result.Error, StringComparison.Ordinal);
    }
}
