using System.Globalization;
using System.Text.RegularExpressions;

namespace Penchant.Cli.Commands;

public sealed partial class EvalReactionsCommandTests(CliFixture cli)
{
    [Fact]
    public async Task EvalReactions_LabelledCases_PrintsPerClassMetricsAndSummaryLast()
    {
        // Arrange
        string cases = cli.WriteFile("reactions.jsonl", """
            {"id": "a", "split": "tune", "request": "Convert 5 km to miles.", "answer": "About 3.1 miles.", "turn": "Perfect, thank you!", "label": "satisfied"}
            {"id": "b", "split": "tune", "request": "Write a tweet.", "answer": "🚀🚀 Big news!!!", "turn": "That's wrong. Shorter, and no emojis.", "label": "dissatisfied"}
            {"id": "c", "split": "holdout", "request": "Plan a trip to Rome.", "answer": "Day 1: Colosseum.", "turn": "How do I get there from the airport?", "label": "neutral", "extra": 1}
            """);

        // Act
        CliResult result = await cli.RunAsync(["eval", "reactions", "--cases", cases, "--split", "all", "--verbose"]);

        // Assert
        Assert.True(result.ExitCode == 0, result.ToString());
        Match summary = SummaryPattern().Match(result.Lines[^1]);
        Assert.True(summary.Success, result.ToString());
        Assert.Equal("3", summary.Groups["n"].Value);
        Assert.Equal(1.0, double.Parse(summary.Groups["macro"].Value, CultureInfo.InvariantCulture));
        Assert.Contains(result.Lines, static l => l.StartsWith("class dissatisfied: n=1 ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EvalReactions_Split_RunsOnlyThatSplit()
    {
        string cases = cli.WriteFile("reactions.jsonl", """
            {"id": "a", "split": "tune", "turn": "Thanks!", "label": "satisfied"}
            {"id": "b", "split": "holdout", "turn": "Nope, still broken.", "label": "dissatisfied"}
            """);

        CliResult result = await cli.RunAsync(["eval", "reactions", "--cases", cases, "--split", "holdout"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("reactions: n=1 ", result.Lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvalReactions_UnknownLabel_ExitsOneNamingTheLine()
    {
        string cases = cli.WriteFile("reactions.jsonl", """{"id": "a", "turn": "Thanks!", "label": "happy"}""");

        CliResult result = await cli.RunAsync(["eval", "reactions", "--cases", cases]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("line 1", result.Error, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^reactions: n=(?<n>\d+) macro_f1=(?<macro>[0-9.]+) satisfied_f1=[0-9.]+ dissatisfied_f1=[0-9.]+ neutral_f1=[0-9.]+$")]
    private static partial Regex SummaryPattern();
}
