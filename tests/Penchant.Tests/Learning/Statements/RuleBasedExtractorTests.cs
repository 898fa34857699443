using Penchant.Engine;

namespace Penchant.Learning.Statements;

public sealed class RuleBasedExtractorTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Clauses_TwoWishesJoinedByAnd_SplitsThem()
    {
        List<string> clauses = RuleBasedExtractor.Clauses("I'd choose buses over taxis in big cities, and please answer in bullet points.");

        Assert.Equal(["I'd choose buses over taxis in big cities.", "Please answer in bullet points."], clauses);
    }

    [Fact]
    public void Clauses_NounsJoinedByAnd_StayOneClause()
    {
        List<string> clauses = RuleBasedExtractor.Clauses("I enjoy pears and plums.");

        Assert.Equal(["I enjoy pears and plums."], clauses);
    }

    [Fact]
    public void Clauses_SituationFirst_IsTheScopeOfEveryClauseAfterIt()
    {
        List<string> clauses = RuleBasedExtractor.Clauses("When I message my tenants, keep it brief and sign as the owner.");

        Assert.Equal(["When I message my tenants, keep it brief.", "When I message my tenants, sign as the owner."], clauses);
    }

    [Fact]
    public void Clauses_ReasonSentence_StaysWithTheClauseBeforeIt()
    {
        List<string> clauses = RuleBasedExtractor.Clauses("I skip dessert. That's because I'm cutting sugar.");

        Assert.Single(clauses);
        Assert.StartsWith("I skip dessert", clauses[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("When you plan my swim sessions, put a stretch at the end.")]
    [InlineData("Whenever I book dinners with my in-laws, don't pick anywhere loud.")]
    [InlineData("In my cover letters, keep the opening to two sentences.")]
    [InlineData("Suggest only quiet cafes when I'm meeting my tutor.")]
    [InlineData("Please no puns in the captions you write for my bakery.")]
    [InlineData("Invoices for my tenants should list the meter readings.")]
    public void RuleScore_InstructionHeldToARecurringSituation_StatesAPreference(string turn)
        => Assert.InRange(RuleBasedExtractor.RuleScore(turn), 2, 3);

    [Theory]
    [InlineData("Suggest a quiet cafe near the station.")]
    [InlineData("Recommend a hotel in Porto for my trip next week.")]
    [InlineData("When you get a chance, what time does the museum open?")]
    [InlineData("It should be ready by Friday.")]
    [InlineData("The dashboards should load in under a second.")]
    public void RuleScore_OneOffRequestOrPlainSentence_StatesNoPreference(string turn)
        => Assert.Equal(0, RuleBasedExtractor.RuleScore(turn));

    [Fact]
    public async Task FromTurnAsync_FillerAndTwoWishes_YieldsOnePreferencePerWish()
    {
        var extractor = new RuleBasedExtractor(fixture.Embeddings);

        IReadOnlyList<ExtractedPreference> found = await extractor.FromTurnAsync(
            "Bruges looks nice. I always pick quiet guesthouses over big hotels, and I want prices in euros.", Ct);

        Assert.Equal(2, found.Count);
        Assert.Contains("guesthouses", found[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Bruges", found[0].Text, StringComparison.Ordinal);
        Assert.Contains("euros", found[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FromTurnAsync_QuestionOnly_YieldsNothing()
    {
        var extractor = new RuleBasedExtractor(fixture.Embeddings);

        IReadOnlyList<ExtractedPreference> found = await extractor.FromTurnAsync("Thanks! How tall is the belfry?", Ct);

        Assert.Empty(found);
    }

    [Fact]
    public async Task FromTurnAsync_SituationWithTwoWishes_EachKeepsTheScope()
    {
        var extractor = new RuleBasedExtractor(fixture.Embeddings);

        IReadOnlyList<ExtractedPreference> found = await extractor.FromTurnAsync("When I write to my tenants, keep it brief and always sign as the owner.", Ct);

        Assert.Equal(2, found.Count);
        Assert.All(found, p => Assert.Contains("tenants", p.Scope.Text ?? string.Empty, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("I cycle to the office most days.", true)]
    [InlineData("I'm a real night owl.", true)]
    [InlineData("I tried the second recipe yesterday.", false)]
    [InlineData("My laptop crashed twice.", false)]
    [InlineData("I think the second option is cheaper.", false)]
    [InlineData("Maybe I should go with the red one.", false)]
    [InlineData("Can I bring my dog?", false)]
    [InlineData("I love rye bread.", false)]
    public void IsPlainStatementAboutUser_KeepsPresentFactsOnly(string clause, bool expected) =>
        Assert.Equal(expected, RuleBasedExtractor.IsPlainStatementAboutUser(clause));

    [Fact]
    public async Task FromTurnAsync_FactBesideAWish_IsKeptAsItsOwnPreference()
    {
        var extractor = new RuleBasedExtractor(fixture.Embeddings);

        IReadOnlyList<ExtractedPreference> found = await extractor.FromTurnAsync("I prefer aisle seats, and I fly with a folding bike.", Ct);

        Assert.Equal(2, found.Count);
        Assert.Contains("aisle", found[0].Text, StringComparison.Ordinal);
        Assert.Contains("folding bike", found[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FromTurnAsync_NarrativeBesideAWish_IsNotKept()
    {
        var extractor = new RuleBasedExtractor(fixture.Embeddings);

        IReadOnlyList<ExtractedPreference> found = await extractor.FromTurnAsync("I prefer aisle seats, and I missed my connection last spring.", Ct);

        ExtractedPreference wish = Assert.Single(found);
        Assert.Contains("aisle", wish.Text, StringComparison.Ordinal);
    }
}
