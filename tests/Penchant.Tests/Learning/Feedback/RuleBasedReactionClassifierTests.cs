using Penchant.Engine;
using Penchant.Signals;

namespace Penchant.Learning.Feedback;

public sealed class RuleBasedReactionClassifierTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("Many thanks, the route you drew is ideal.", ReactionLabel.Satisfied)]
    [InlineData("The script runs now without a hitch.", ReactionLabel.Satisfied)]
    [InlineData("That's wrong, the ferry leaves from the north pier.", ReactionLabel.Dissatisfied)]
    [InlineData("Make it shorter, and drop the exclamation marks.", ReactionLabel.Dissatisfied)]
    [InlineData("Oh great, you skipped the part I cared about.", ReactionLabel.Dissatisfied)]
    [InlineData("Thanks, but it's far too long to read out loud.", ReactionLabel.Dissatisfied)]
    [InlineData("Which platform does the ferry use?", ReactionLabel.Neutral)]
    [InlineData("Could I swap the cumin for coriander?", ReactionLabel.Neutral)]
    public async Task ClassifyAsync_TypicalMessages_Labelled(string turn, ReactionLabel expected)
    {
        var classifier = new RuleBasedReactionClassifier(fixture.Embeddings);

        ReactionClassification result = await classifier.ClassifyAsync("Plan my trip to Lyon.", "Here is a plan.", turn, Ct);

        Assert.Equal(expected, result.Label);
        Assert.False(string.IsNullOrWhiteSpace(result.Reason));
    }

    [Fact]
    public async Task ClassifyAsync_RequestAskedAgain_Dissatisfied()
    {
        var classifier = new RuleBasedReactionClassifier(fixture.Embeddings);

        ReactionClassification result = await classifier.ClassifyAsync(
            "What's a decent laptop for programming under $1000?", "Laptops are portable computers.", "What is a good programming laptop for under 1000 dollars?", Ct);

        Assert.Equal(ReactionLabel.Dissatisfied, result.Label);
    }

    [Fact]
    public void WishOf_Correction_KeepsTheWishWithoutTheComplaint()
    {
        Assert.Equal("Shorter, and no emojis.", RuleBasedReactionClassifier.WishOf("Ugh. Shorter, and no emojis."));
        Assert.Null(RuleBasedReactionClassifier.WishOf("That's wrong."));
    }

    [Fact]
    public async Task ClassifyAsync_EmptyTurn_Throws()
    {
        var classifier = new RuleBasedReactionClassifier(fixture.Embeddings);

        var ex = await Assert.ThrowsAsync<ArgumentException>(async () => await classifier.ClassifyAsync(null, null, " ", Ct));

        Assert.Equal("turn", ex.ParamName);
    }
}
