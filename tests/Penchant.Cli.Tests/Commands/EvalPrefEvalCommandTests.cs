using System.Globalization;
using System.Text.RegularExpressions;

namespace Penchant.Cli.Commands;

public sealed partial class EvalPrefEvalCommandTests(CliFixture cli)
{
    [Fact]
    public async Task EvalPrefEval_TinyFolder_PrintsSummaryLastWithPlausibleValues()
    {
        // Arrange
        string data = WriteFixture();

        // Act
        CliResult result = await cli.RunAsync(["eval", "prefeval", "--data", Path.Combine(data, "prefeval"), "--turns", "3"]);

        // Assert
        Assert.True(result.ExitCode == 0, result.ToString());
        Match summary = SummaryPattern().Match(result.Lines[^1]);
        Assert.True(summary.Success, result.ToString());
        Assert.Equal("2", summary.Groups["n"].Value);
        Assert.Equal("3", summary.Groups["turns"].Value);
        double hit1 = Value(summary, "hit1");
        double hit5 = Value(summary, "hit5");
        Assert.InRange(hit1, 0, 1);
        Assert.InRange(hit5, hit1, 1);
        Assert.InRange(Value(summary, "precision"), 0, 1);
        Assert.InRange(Value(summary, "selected"), 0, 10);
        Assert.Contains(result.Lines, line => line.StartsWith("topic travel_test: n=2 ", StringComparison.Ordinal));
        Assert.Equal(string.Empty, result.Error);
    }

    [Fact]
    public async Task EvalPrefEval_DataRootAndLimit_FindsThePrefEvalFolder()
    {
        string data = WriteFixture();

        CliResult result = await cli.RunAsync(["eval", "prefeval", "--data", data, "--turns", "1", "--limit", "1", "--topics", "travel_test", "--verbose"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("prefeval: n=1 turns=1 ", result.Lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvalPrefEval_MoreTurnsThanTheFillerHolds_ExitsOne()
    {
        string data = WriteFixture();

        CliResult result = await cli.RunAsync(["eval", "prefeval", "--data", data, "--turns", "4"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("3 user/assistant pairs", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvalPrefEval_UnknownTopic_ExitsOne()
    {
        CliResult result = await cli.RunAsync(["eval", "prefeval", "--data", WriteFixture(), "--turns", "1", "--topics", "cooking"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("travel_test", result.Error, StringComparison.Ordinal);
    }

    // A data root holding prefeval/ with one topic of two items and three filler pairs over two conversations.
    private string WriteFixture()
    {
        string root = Path.Combine(cli.TempDirectory, "data-" + Guid.NewGuid().ToString("N"));
        string prefeval = Path.Combine(root, "prefeval");
        Directory.CreateDirectory(Path.Combine(prefeval, "explicit_preference"));
        File.WriteAllText(Path.Combine(prefeval, "explicit_preference", "travel_test.json"), """
            [
              {"preference": "I'm vegetarian, so I never eat meat or fish.", "question": "Can you recommend some restaurants for dinner in Paris?", "explanation": "ignored"},
              {"preference": "I get seasick easily, so I avoid boat trips.", "question": "What are some fun activities for a day on the Croatian coast?", "explanation": "ignored"}
            ]
            """);
        File.WriteAllText(Path.Combine(prefeval, "filtered_inter_turns.json"), """
            [
              {"conversation_id": "a", "conversation": [
                {"role": "user", "content": "How do I reverse a string in Go?"},
                {"role": "assistant", "content": "Convert it to a slice of runes, reverse the slice, and convert it back."},
                {"role": "user", "content": "What is the boiling point of water at altitude?"},
                {"role": "assistant", "content": "It drops by roughly one degree Celsius for every 300 metres."}
              ]},
              {"conversation_id": "b", "conversation": [
                {"role": "user", "content": "Summarize the plot of Hamlet in two sentences."},
                {"role": "assistant", "content": "Prince Hamlet seeks revenge on his uncle for murdering his father. Nearly everyone dies."}
              ]}
            ]
            """);
        return root;
    }

    private static double Value(Match match, string name) => double.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^prefeval: n=(?<n>\d+) turns=(?<turns>\d+) hit1=(?<hit1>\d\.\d{3}) hit5=(?<hit5>\d\.\d{3}) precision=(?<precision>\d\.\d{3}) selected=(?<selected>\d+\.\d{2})$")]
    private static partial Regex SummaryPattern();
}
