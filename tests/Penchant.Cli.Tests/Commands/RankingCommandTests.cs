using System.Text.Json;

namespace Penchant.Cli.Commands;

public sealed class RankingCommandTests(CliFixture cli)
{
    [Fact]
    public async Task Rank_StatedAvoidance_PutsRespectingCandidateFirst()
    {
        string db = cli.NewDatabase();
        Assert.Equal(0, (await cli.RunAsync(["--db", db, "remember", "I strictly avoid gluten."])).ExitCode);

        CliResult json = await cli.RunAsync(["--db", db, "--json", "rank", "Find a restaurant in Rome", "A pasta bar with fresh wheat pasta.", "A gluten-free trattoria."]);

        Assert.True(json.ExitCode == 0, json.ToString());
        using JsonDocument document = JsonDocument.Parse(json.Output);
        Assert.Equal(1, document.RootElement.GetProperty("candidates")[0].GetProperty("index").GetInt32());
    }

    [Fact]
    public async Task CompareThenTrain_WritesAModelVersion()
    {
        string db = cli.NewDatabase();
        Assert.Equal(0, (await cli.RunAsync(["--db", db, "compare", "Is it ready?", "Yes.", "Yes, it is ready now and you can pick it up whenever you like.", "--magnitude", "much"])).ExitCode);

        CliResult train = await cli.RunAsync(["--db", db, "train", "--seed", "3"]);

        Assert.True(train.ExitCode == 0, train.ToString());
        Assert.StartsWith("trained model version 1: users=1 comparisons=1", train.Output.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvalRanking_Cases_PrintsSummaryLast()
    {
        string cases = cli.WriteFile("ranking.jsonl", """
            {"id": "a", "statements": ["I'm vegetarian."], "request": "What should I cook tonight?", "candidates": ["A grilled ribeye steak.", "A mushroom risotto."], "best": 1}
            {"id": "b", "statements": [{"text": "I hate horror movies."}], "request": "Recommend a movie.", "candidates": ["Paddington 2, a warm family comedy.", "The Conjuring, a terrifying horror film."], "best": 0}
            """);

        CliResult result = await cli.RunAsync(["eval", "ranking", "--cases", cases]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(@"^ranking: n=2 accuracy=\d\.\d{3}$", result.Lines[^1]);
    }

    [Fact]
    public async Task EvalRanking_BestOutOfRange_IsUserError()
    {
        string cases = cli.WriteFile("bad-ranking.jsonl", """{"request": "x", "candidates": ["a"], "best": 3}""");

        CliResult result = await cli.RunAsync(["eval", "ranking", "--cases", cases]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("best", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--seeds", "17,x", "--seeds: 'x' is not a whole number.")]
    [InlineData("--precision", "int4", "--precision")]
    public async Task EvalSimulation_BadOptionValue_IsUsageErrorBeforeAnyWork(string option, string value, string message)
    {
        // Parsing fails before the data folder is read or the model loads (the folder does not exist).
        CliResult result = await cli.RunAsync(["eval", "pluralistic", "--data", "/nonexistent", option, value]);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }
}
