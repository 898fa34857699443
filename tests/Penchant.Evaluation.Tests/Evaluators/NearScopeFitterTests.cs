namespace Penchant.Evaluation.Evaluators;

/// <summary>The labelled pairs of the near-scope model are read strictly: a bad line is a clear error, not a silent skip.</summary>
public sealed class NearScopeFitterTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReadPairsAsync_WellFormedLines_ReadsEveryPair()
    {
        const string lines = """
            {"id": "a1", "domain": "pets", "situation": "I walk my greyhound", "request": "Plan a route for the greyhound's walk.", "label": "in"}
            {"id": "a2", "domain": "pets", "situation": "I walk my greyhound", "request": "Plan a route for my evening jog.", "label": "near"}
            """;

        IReadOnlyList<NearScopePair> pairs = await NearScopeFitter.ReadPairsAsync(new StringReader(lines), "pairs.jsonl", Ct);

        Assert.Equal(["in", "near"], pairs.Select(static p => p.Label));
    }

    [Theory]
    [InlineData("""{"id": "a1", "domain": "pets", "situation": "I walk my greyhound", "request": "Plan a walk.", "label": "maybe"}""")]
    [InlineData("""{"id": "a1", "domain": "pets", "situation": " ", "request": "Plan a walk.", "label": "in"}""")]
    public async Task ReadPairsAsync_BadLabelOrEmptySituation_IsAnInputError(string line)
    {
        EvaluationInputException error = await Assert.ThrowsAsync<EvaluationInputException>(() => NearScopeFitter.ReadPairsAsync(new StringReader(line), "pairs.jsonl", Ct));

        Assert.Contains("line 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadPairsAsync_RepeatedId_IsAnInputError()
    {
        const string lines = """
            {"id": "a1", "domain": "pets", "situation": "I walk my greyhound", "request": "Plan a walk.", "label": "in"}
            {"id": "a1", "domain": "pets", "situation": "I walk my greyhound", "request": "Plan a jog.", "label": "near"}
            """;

        await Assert.ThrowsAsync<EvaluationInputException>(() => NearScopeFitter.ReadPairsAsync(new StringReader(lines), "pairs.jsonl", Ct));
    }
}
