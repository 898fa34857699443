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

    [Fact]
    public void Clauses_SecondStanceVerbSharingTheSubject_IsAClauseOfItsOwn()
    {
        List<string> clauses = RuleBasedExtractor.Clauses("I drink oat milk but hate soy lattes.");

        Assert.Equal(["I drink oat milk.", "Hate soy lattes."], clauses);
    }

    [Fact]
    public void Clauses_ClausePointingBack_StaysWithTheWishItExplains()
    {
        List<string> clauses = RuleBasedExtractor.Clauses("I'd rather not train on Thursdays; I spend that evening with my choir.");

        string clause = Assert.Single(clauses);
        Assert.StartsWith("I'd rather not train on Thursdays", clause, StringComparison.Ordinal);
        Assert.Contains("choir", clause, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("“I want to repaint the hall so that it feels brighter.”")]
    [InlineData("1 point“As a tenant, I need a parking space.")]
    [InlineData("My coach asked us to discuss this: \"I always give my best.\"")]
    public void IsQuotedSpeech_FirstPersonOnlyInsideQuotes_IsSomeoneElsesWords(string clause)
        => Assert.True(RuleBasedExtractor.IsQuotedSpeech(clause));

    [Theory]
    [InlineData("I can't stand the phrase \"circle back\".")]
    [InlineData("Never open with \"I hope you are well\".")]
    [InlineData("I prefer hiking boots.")]
    public void IsQuotedSpeech_UserSpeaksOutsideTheQuote_IsTheUsers(string clause)
        => Assert.False(RuleBasedExtractor.IsQuotedSpeech(clause));

    [Theory]
    [InlineData("Our new hire is quiet; perhaps he will speak up more in the future.")]
    [InlineData("Things will get easier going forward, I hope.")]
    public void RuleScore_PredictionAboutSomeoneElse_IsNoStandingRule(string sentence)
        => Assert.True(RuleBasedExtractor.RuleScore(sentence) < 2);

    [Fact]
    public void RuleScore_InstructionForTheFuture_IsStillAStandingRule()
        => Assert.InRange(RuleBasedExtractor.RuleScore("Please use kilometres in the future."), 2, 3);

    [Fact]
    public async Task FromTurnAsync_SecondWishWithoutItsOwnSubject_IsKept()
    {
        var extractor = new RuleBasedExtractor(fixture.Embeddings);

        IReadOnlyList<ExtractedPreference> found = await extractor.FromTurnAsync("I repair my own bikes and avoid shops that upsell carbon parts.", Ct);

        Assert.Equal(2, found.Count);
        Assert.Contains("repair", found[0].Text, StringComparison.Ordinal);
        Assert.Contains("carbon", found[1].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("repair", found[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FromTurnAsync_ReasonPointingBack_IsNoWishOfItsOwn()
    {
        var extractor = new RuleBasedExtractor(fixture.Embeddings);

        IReadOnlyList<ExtractedPreference> found = await extractor.FromTurnAsync("I'd rather not schedule dentist visits on Saturdays. I keep that day for my kids.", Ct);

        ExtractedPreference wish = Assert.Single(found);
        Assert.Contains("dentist", wish.Text, StringComparison.Ordinal);
        Assert.Equal(Domain.Polarity.Negative, wish.Polarity);
    }

    [Theory]
    [InlineData("Quiz 3: which user story is well formed? “I want cheaper tickets.” “As a commuter, I want a monthly pass so that I save money.”")]
    [InlineData("It fails with a TypeError:\nresult = parse_rows(data)\nrows.append(item)\nI can't change the input format, other tools write it.")]
    [InlineData("Our intern rarely talks in meetings. Maybe she will ask more in the future.")]
    public async Task FromTurnAsync_TurnThatStatesNothingOfTheUsers_YieldsNothing(string turn)
    {
        var extractor = new RuleBasedExtractor(fixture.Embeddings);

        IReadOnlyList<ExtractedPreference> found = await extractor.FromTurnAsync(turn, Ct);

        Assert.Empty(found);
    }

    [Fact]
    public async Task FromTurnAsync_WholeTurnInQuotes_IsTheUsersOwnWish()
    {
        var extractor = new RuleBasedExtractor(fixture.Embeddings);

        IReadOnlyList<ExtractedPreference> found = await extractor.FromTurnAsync("\"I only drink decaf after lunch.\"", Ct);

        ExtractedPreference wish = Assert.Single(found);
        Assert.Contains("decaf", wish.Text, StringComparison.Ordinal);
    }
}
