using Penchant.Engine;
using Penchant.Numerics;
using Penchant.Signals;
using Penchant.Testing;

namespace Penchant.Learning.Feedback;

public sealed class LearnedReactionClassifierTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Constructor_MiniLm_UsesTheShippedModel()
    {
        var classifier = new LearnedReactionClassifier(fixture.Embeddings);

        Assert.True(classifier.UsesTrainedModel);
        Assert.Contains("penchant train reactions", ReactionModel.Default!.Provenance, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_OtherEmbeddingModel_FallsBackToRules()
    {
        using var hashing = new HashingEmbeddingGenerator();

        var classifier = new LearnedReactionClassifier(hashing);

        Assert.False(classifier.UsesTrainedModel);
    }

    [Theory]
    [InlineData("Brilliant, the lamp glows again after I swapped the fuse. Thank you!", ReactionLabel.Satisfied)]
    [InlineData("No, the fuse was fine, I checked it before asking.", ReactionLabel.Dissatisfied)]
    [InlineData("Where would I buy a fuse of that size?", ReactionLabel.Neutral)]
    public async Task ClassifyAsync_TypicalFollowUps_Labelled(string turn, ReactionLabel expected)
    {
        var classifier = new LearnedReactionClassifier(fixture.Embeddings);

        ReactionClassification result = await classifier.ClassifyAsync("My desk lamp stopped working.", "Check the fuse in the plug and replace it if it's blown.", turn, Ct);

        Assert.Equal(expected, result.Label);
        Assert.InRange(result.Confidence, 1.0 / 3, 1.0);
        Assert.False(string.IsNullOrWhiteSpace(result.Reason));
    }

    [Fact]
    public void ReactionModel_WriteThenRead_KeepsWeightsAndProvenance()
    {
        int features = ReactionFeatures.Count(4);
        double[] weights = [.. Enumerable.Range(0, 3 * (features + 1)).Select(static i => i * 0.5)];
        var model = new ReactionModel("test-model", 4, new MultinomialLogistic(3, features, weights), "made by a test");

        using var stream = new MemoryStream();
        model.Write(stream);
        stream.Position = 0;
        ReactionModel read = ReactionModel.Read(stream);

        Assert.Equal("test-model", read.EmbeddingModel);
        Assert.Equal("made by a test", read.Provenance);
        Assert.Equal(weights, read.Regression.Weights.ToArray());
    }

    [Fact]
    public void ReactionModel_WrongFeatureCount_ThrowsWithHowToFix()
    {
        var regression = new MultinomialLogistic(3, 5, new double[18]);

        var ex = Assert.Throws<InvalidOperationException>(() => new ReactionModel("m", 4, regression, string.Empty));

        Assert.Contains("penchant train reactions", ex.Message, StringComparison.Ordinal);
    }
}
