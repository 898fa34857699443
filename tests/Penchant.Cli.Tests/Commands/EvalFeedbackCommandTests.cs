using System.Globalization;
using System.Text.RegularExpressions;

namespace Penchant.Cli.Commands;

public sealed partial class EvalFeedbackCommandTests(CliFixture cli)
{
    [Fact]
    public async Task EvalFeedback_Items_PrintsSummaryLastWithCounts()
    {
        // Arrange
        string cases = cli.WriteFile("feedback.jsonl", """
            {"id": "a", "domain": "knitting", "split": "tune", "arrives": "statement", "feedback": "When I knit scarves, suggest only merino wool.", "in_scope": ["Pick yarn for the scarf I am knitting.", "Which wool suits a knitted scarf?"], "near_scope": ["Pick yarn for a knitted blanket."], "out_scope": ["Which bus goes to the harbour?"], "not_for": "not for scarves I knit for my nephew", "narrowed": ["Pick yarn for the scarf I am knitting for my nephew."]}
            {"id": "b", "domain": "sailing", "split": "holdout", "arrives": "turn", "feedback": "When you plan my sailing trips, keep each leg under four hours.", "in_scope": ["Plan a sailing trip along the coast."], "near_scope": [], "out_scope": ["Name a spice for lentil soup."]}
            """);

        // Act
        CliResult all = await cli.RunAsync(["eval", "feedback", "--cases", cases, "--split", "all"]);
        CliResult holdout = await cli.RunAsync(["eval", "feedback", "--cases", cases, "--split", "holdout"]);

        // Assert
        Assert.True(all.ExitCode == 0, all.ToString());
        Match summary = SummaryPattern().Match(all.Lines[^1]);
        Assert.True(summary.Success, all.ToString());
        Assert.Equal("2", summary.Groups["n"].Value);
        double inScope = double.Parse(summary.Groups["in"].Value, CultureInfo.InvariantCulture);
        Assert.InRange(inScope, 0, 1);
        Assert.StartsWith("feedback: n=1 ", holdout.Lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvalFeedback_UnknownArrival_ExitsOneNamingTheLine()
    {
        string cases = cli.WriteFile("feedback.jsonl", """{"id": "a", "domain": "d", "split": "tune", "arrives": "telepathy", "feedback": "Keep it short.", "in_scope": ["Reply to Sam."]}""");

        CliResult result = await cli.RunAsync(["eval", "feedback", "--cases", cases]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("line 1", result.Error, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^feedback: n=(?<n>\d+) in_scope=(?<in>[0-9.]+) near_scope_false=[0-9.]+ out_scope_false=[0-9.]+ narrowed_false=[0-9.]+ narrowed_kept=[0-9.]+$")]
    private static partial Regex SummaryPattern();
}
