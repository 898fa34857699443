using Microsoft.Extensions.AI;
using Penchant.AI.Extraction;
using Penchant.Domain;
using Penchant.Learning.Feedback;
using Penchant.Learning.Statements;
using Penchant.Signals;

namespace Penchant.AI;

public sealed class ChatClientPreferenceExtractorTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ChatClientPreferenceExtractor Create(TestChatClient model) =>
        new(model, new RuleBasedExtractor(fixture.Embeddings), new RuleBasedReactionClassifier(fixture.Embeddings));

    [Fact]
    public async Task FromTurnAsync_ValidJson_UsesTheModelsPreferences()
    {
        var model = new TestChatClient
        {
            Respond = static (_, _) => """{"preferences": [{"text": "I avoid gluten.", "kind": "fact", "polarity": "negative", "strength": 0.9, "scope": "food"}]}""",
        };

        IReadOnlyList<ExtractedPreference> found = await Create(model).FromTurnAsync("btw gluten makes me ill, so keep that in mind", Ct);

        ExtractedPreference p = Assert.Single(found);
        Assert.Equal("I avoid gluten.", p.Text);
        Assert.Equal(Polarity.Negative, p.Polarity);
        Assert.Equal("food", p.Scope.Text);
        Assert.Equal(ChatResponseFormat.Json, model.Last.Options!.ResponseFormat);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("""{"prefs": []}""")]
    [InlineData("""{"preferences": [{"kind": "fact"}]}""")]
    public async Task FromTurnAsync_InvalidJson_FallsBackToRules(string answer)
    {
        var model = new TestChatClient { Respond = (_, _) => answer };

        IReadOnlyList<ExtractedPreference> found = await Create(model).FromTurnAsync("I'm allergic to shellfish.", Ct);

        ExtractedPreference p = Assert.Single(found);
        Assert.Contains("shellfish", p.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClassifyAsync_ModelThrows_FallsBackToRules()
    {
        var model = new TestChatClient { Fail = static _ => new HttpRequestException("endpoint down") };

        ReactionClassification result = await Create(model).ClassifyAsync("Explain DNS.", "DNS is...", "Thanks, that's perfect!", Ct);

        Assert.Equal(ReactionLabel.Satisfied, result.Label);
        Assert.Single(model.Requests);
    }

    [Fact]
    public async Task ClassifyAsync_ValidJson_UsesTheModelsLabelAndWish()
    {
        var model = new TestChatClient { Respond = static (_, _) => "```json\n{\"label\": \"dissatisfied\", \"reason\": \"wants it shorter\", \"wish\": \"Keep answers under 50 words\"}\n```" };

        ReactionClassification result = await Create(model).ClassifyAsync("Explain DNS.", "DNS is...", "hmm", Ct);

        Assert.Equal(ReactionLabel.Dissatisfied, result.Label);
        Assert.Equal("wants it shorter", result.Reason);
        Assert.Equal("Keep answers under 50 words", result.Wish);
    }
}
