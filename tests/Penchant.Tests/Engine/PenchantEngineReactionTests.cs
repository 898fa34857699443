using Penchant.Domain;
using Penchant.Learning.Feedback;
using Penchant.Signals;

namespace Penchant.Engine;

public sealed class PenchantEngineReactionTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    private static readonly UserKey Alice = new("acme", "alice");
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReactAsync_Dissatisfied_LowersAcceptanceAndReplayRebuildsIt()
    {
        // Arrange
        var (engine, _, _) = fixture.Create();
        WriteResult written = await engine.RememberAsync(Alice, new Statement("I like long, detailed answers."), Ct);
        string id = written.Created[0].Id;

        // Act
        ReactionOutcome outcome = await engine.ReactAsync(
            Alice, new Reaction("Way too long. Keep it under 100 words.") { Request = "Explain DNS.", Answer = "DNS is ...", AppliedPreferenceIds = [id] }, Ct);
        IReadOnlyList<Preference> rebuilt = await engine.RebuildAsync(Alice, Ct);

        // Assert
        Assert.Equal(ReactionLabel.Dissatisfied, outcome.Classification.Label);
        Preference p = Assert.Single(rebuilt, p => p.Id == id);
        Assert.Equal(1, p.Rejected);
        Assert.Equal(1.0 / 3, p.Acceptance, 6);
        Preference wish = Assert.Single(rebuilt, p => p.Id != id);
        Assert.Equal("Explain DNS.", wish.Scope.Text);
        Assert.Equal(EventKind.Reaction, (await engine.ExportAsync(Alice, Ct).ToListAsync(Ct))[^1].Kind);
    }

    [Fact]
    public async Task ReactAsync_CorrectionsAboutUnrelatedRequests_BothStayCurrent()
    {
        // Arrange: two corrections in different domains, the second phrased as a change ("instead").
        var (engine, _, _) = fixture.Create();
        var user = new UserKey("acme", "corrections");
        await engine.ReactAsync(user, Dissatisfied("Not that, I never eat fish.", "Plan a week of dinners.", "I never eat fish"), Ct);

        // Act
        await engine.ReactAsync(user, Dissatisfied("Use Rust instead.", "Show me how to parse a CSV file.", "Use Rust instead"), Ct);

        // Assert
        IReadOnlyList<Preference> current = await engine.ListAsync(user, Ct);
        Assert.Equal(2, current.Count);
        Assert.Contains(current, static p => p.Scope.Text == "Plan a week of dinners.");
        Assert.Contains(current, static p => p.Scope.Text == "Show me how to parse a CSV file.");
    }

    [Fact]
    public async Task ReactAsync_CorrectionStatingANormOfItsOwn_YieldsTheNormNotTheRequestScope()
    {
        var (engine, _, _) = fixture.Create();
        var user = new UserKey("acme", "norm");

        await engine.ReactAsync(user, Dissatisfied("Too stiff. Replies to my tenants should sound friendly.", "Answer the tenant about the boiler.", "Too stiff"), Ct);

        Preference p = Assert.Single(await engine.ListAsync(user, Ct));
        Assert.Contains("tenants should sound friendly", p.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Too stiff", p.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReactAsync_SatisfiedReactionWithAStandingRule_YieldsTheRuleWithItsScope()
    {
        var (engine, _, _) = fixture.Create();
        var user = new UserKey("acme", "rule-in-thanks");
        var reaction = new Reaction("Lovely. When you plan my swim sessions, put a stretch at the end.")
        {
            Request = "Plan a swim session for Tuesday.",
            Answer = "Warm up, 10 x 50 m, cool down.",
            Classification = new ReactionClassification(ReactionLabel.Satisfied, "praise", 0.8),
        };

        await engine.ReactAsync(user, reaction, Ct);

        Preference p = Assert.Single(await engine.ListAsync(user, Ct));
        Assert.Contains("stretch", p.Text, StringComparison.Ordinal);
        Assert.Equal("you plan my swim sessions", p.Scope.Text);
    }

    [Fact]
    public async Task ReactAsync_DissatisfiedWithNoStandingRule_KeepsTheWishScopedToTheRequest()
    {
        var (engine, _, _) = fixture.Create();
        var user = new UserKey("acme", "plain-wish");

        await engine.ReactAsync(user, Dissatisfied("Too long. Shorter please.", "Summarize the minutes.", "Too long. Shorter"), Ct);

        Preference p = Assert.Single(await engine.ListAsync(user, Ct));
        Assert.Equal("Summarize the minutes.", p.Scope.Text);
    }

    [Fact]
    public async Task ReactAsync_GivenClassification_UsedAsIs()
    {
        var (engine, _, _) = fixture.Create();
        WriteResult written = await engine.RememberAsync(Alice, new Statement("I'm vegetarian."), Ct);

        ReactionOutcome outcome = await engine.ReactAsync(
            Alice, new Reaction("hmm") { AppliedPreferenceIds = [written.Created[0].Id], Classification = new ReactionClassification(ReactionLabel.Satisfied, "model says so", 0.9) }, Ct);

        Assert.Equal("model says so", outcome.Classification.Reason);
        Assert.Equal(1, Assert.Single(await engine.ListAsync(Alice, Ct)).Accepted);
    }

    [Fact]
    public async Task SelectAsync_RejectedPreference_LessProbable()
    {
        var (engine, _, _) = fixture.Create();
        WriteResult written = await engine.RememberAsync(Alice, new Statement("I like emojis in my social media posts."), Ct);
        var request = new RequestContext("Write an Instagram caption for my photo of the beach.");
        double before = Assert.Single((await engine.SelectAsync(Alice, request, Ct)).Preferences).Probability;

        await engine.ReactAsync(Alice, new Reaction("That's wrong.") { AppliedPreferenceIds = [written.Created[0].Id] }, Ct);
        Selection after = await engine.SelectAsync(Alice, request, Ct);

        Assert.True(after.IsEmpty || after.Preferences[0].Probability < before);
    }

    [Fact]
    public async Task ReactAsync_EmptyTurn_ThrowsAndChangesNothing()
    {
        var (engine, _, _) = fixture.Create();

        var ex = await Assert.ThrowsAnyAsync<ArgumentException>(() => engine.ReactAsync(Alice, new Reaction(" "), Ct));

        Assert.Equal("reaction", ex.ParamName);
        Assert.Empty(await engine.ExportAsync(Alice, Ct).ToListAsync(Ct));
    }

    [Fact]
    public async Task ObserveAsync_ChoiceAmongListedOptions_BecomesPreference()
    {
        var (engine, _, _) = fixture.Create();
        ConversationTurn[] turns =
        [
            new("user", "What are some good hotels in Las Vegas?"),
            new("assistant", "Here are a few:\n1. The Palms, known for pool parties.\n2. The Westin, a tranquil oasis away from the Strip.\n3. The Cosmopolitan, with a vibrant nightlife."),
            new("user", "I think I'll go with option 2. The others seem a bit too lively for my taste."),
        ];

        WriteResult written = await engine.ObserveAsync(Alice, turns, Ct);

        Preference chosen = Assert.Single(written.Created, p => p.Text.StartsWith("Prefers:", StringComparison.Ordinal));
        Assert.Contains("Westin", chosen.Text, StringComparison.Ordinal);
        Assert.Contains(written.Events[2].Id, chosen.Sources);
    }

    private static Reaction Dissatisfied(string turn, string request, string wish)
        => new(turn) { Request = request, Answer = "Here you go.", Classification = new ReactionClassification(ReactionLabel.Dissatisfied, "correction", 0.8, wish) };
}
