using Penchant.Domain;
using Penchant.Signals;
using Penchant.Storage;

namespace Penchant.Engine;

public sealed class PenchantEngineRankingTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    private static readonly UserKey Alice = new("acme", "alice");
    private static readonly UserKey Bob = new("acme", "bob");
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RankAsync_StatedAvoidance_RanksTheCandidateThatRespectsItFirst()
    {
        // Arrange
        var (engine, _, _) = fixture.Create();
        await engine.RememberAsync(Alice, new Statement("I strictly avoid gluten."), Ct);
        string[] candidates =
        [
            "Pasta Bar Roma, known for its fresh handmade wheat pasta and bread.",
            "Osteria Bruna, an entirely gluten-free osteria with celiac-safe pizza and pasta.",
        ];

        // Act
        CandidateRanking ranking = await engine.RankAsync(Alice, new RequestContext("Find us somewhere to eat in Rome on Friday."), candidates, Ct);

        // Assert
        Assert.Equal(1, ranking.Best!.Index);
        Assert.True(ranking.Best.Probability > 0.5);
        Assert.Equal(1.0, ranking.Candidates.Sum(static c => c.Probability), 3);
        Assert.Contains(ranking.Best.Factors, static f => f.PreferenceId is not null && f.Contribution > 0);
        Assert.Equal(0, ranking.ModelVersion);
    }

    [Fact]
    public async Task RankAsync_LeaveOutRuleInItsScope_WinsOverTheGeneralOppositePreference()
    {
        // Arrange: a general taste for something and a rule, for one situation, that leaves it out.
        var (engine, _, _) = fixture.Create();
        await engine.RememberAsync(Alice, new Statement("I adore fresh ginger in everything I eat."), Ct);
        await engine.RememberAsync(Alice, new Statement("When you cook for my stepfather, leave out ginger."), Ct);
        string[] candidates =
        [
            "Ginger and spring onion steamed sea bass.",
            "Lemon and thyme roast chicken with potatoes.",
        ];

        // Act
        CandidateRanking forStepfather = await engine.RankAsync(Alice, new RequestContext("What should I cook for my stepfather on Saturday?"), candidates, Ct);

        // Assert: the rule decides in its situation, and the general taste gives way there.
        Assert.Equal(1, forStepfather.Best!.Index);
        Assert.Contains(forStepfather.Best.Factors, static f => f.Description.Contains("stepfather", StringComparison.Ordinal) && f.Contribution > 0);
        Assert.DoesNotContain(forStepfather.Candidates.SelectMany(static c => c.Factors), static f => f.Description.Contains("adore", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RankAsync_ReasonAfterTheWish_DoesNotTurnTheWishAgainstWhatItExplains()
    {
        // Arrange: the reason names family; the wish is against Sunday meetings, not against family.
        var (engine, _, _) = fixture.Create();
        await engine.ObserveAsync(Alice, [new ConversationTurn(ConversationTurn.UserRole, "I'd rather not have work meetings on Sundays; I keep that day for my family.")], Ct);
        string[] candidates =
        [
            "Sunday 10:00, budget review meeting with the finance team.",
            "Monday 10:00, budget review meeting with the finance team.",
        ];

        // Act
        CandidateRanking ranking = await engine.RankAsync(Alice, new RequestContext("When should I schedule the budget review meeting?"), candidates, Ct);

        // Assert
        Assert.Equal(1, ranking.Best!.Index);
        IReadOnlyList<Preference> held = await engine.ListAsync(Alice, Ct);
        Assert.Single(held);
    }

    [Fact]
    public async Task RankAsync_NoPreferencesNoModel_KeepsInputOrderWithEqualProbabilities()
    {
        var (engine, _, _) = fixture.Create();

        CandidateRanking ranking = await engine.RankAsync(Alice, new RequestContext("Say hello."), ["Hello!", "Hi there."], Ct);

        Assert.Equal([0, 1], ranking.Candidates.Select(static c => c.Index));
        Assert.All(ranking.Candidates, static c => Assert.Equal(0.5, c.Probability, 3));
    }

    [Fact]
    public async Task RankAsync_NoCandidates_ThrowsArgumentException()
    {
        var (engine, _, _) = fixture.Create();

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => engine.RankAsync(Alice, new RequestContext("x"), [], Ct));

        Assert.Equal("candidates", ex.ParamName);
    }

    [Fact]
    public async Task CompareAsync_RepeatedShortPreference_LearnsOnlineToPreferShortAnswers()
    {
        // Arrange
        var (engine, _, _) = fixture.Create();
        string @short = "Paris.";
        string @long = "The capital of France is Paris, a city on the Seine that has been the political and cultural centre of the country for centuries.";

        // Act
        for (int i = 0; i < 6; i++)
        {
            await engine.CompareAsync(Alice, new Comparison($"Question {i}: what is the capital?", "Short answer " + i + ".", @long + " Detail " + i + ".", ComparisonMagnitude.Much), Ct);
        }

        CandidateRanking ranking = await engine.RankAsync(Alice, new RequestContext("What is the capital of France?"), [@long, @short], Ct);

        // Assert
        Assert.Equal(1, ranking.Best!.Index);
        Assert.Equal(6, ranking.Comparisons);
        Assert.Equal(6, (await engine.ExportAsync(Alice, Ct).ToListAsync(Ct)).Count(static e => e.Kind == EventKind.Comparison));
    }

    [Fact]
    public async Task TrainAsync_TwoUsersWithOppositeTastes_PersistsModelAndServesEachUser()
    {
        // Arrange: Alice prefers short answers, Bob long ones.
        var (engine, store, _) = fixture.Create();
        for (int i = 0; i < 8; i++)
        {
            string shortAnswer = $"Yes, {i} works.";
            string longAnswer = $"Yes, option {i} works well in most situations, because it balances cost, effort and reliability, and it is easy to undo later if your needs change.";
            await engine.CompareAsync(Alice, new Comparison($"Does option {i} work?", shortAnswer, longAnswer), Ct);
            await engine.CompareAsync(Bob, new Comparison($"Does option {i} work?", longAnswer, shortAnswer), Ct);
        }

        await engine.ChooseAsync(Alice, new Choice("Pick one", ["A short reply.", "A much longer reply that goes on and on about many things at length."], 0), Ct);
        await engine.RateAsync(Bob, new Rating("Rate this", "Fine.", 2), Ct);

        // Act
        TrainingReport report = await engine.TrainAsync("acme", new TrainingOptions { Prototypes = 2, Seed = 3 }, Ct);
        var (second, _, _) = fixture.Create(store: store);
        string[] candidates = ["Sure, that works.", "Sure, that works in most situations, because it balances cost, effort and reliability, and it is easy to change later."];
        CandidateRanking alice = await second.RankAsync(Alice, new RequestContext("Does that work?"), candidates, Ct);
        CandidateRanking bob = await second.RankAsync(Bob, new RequestContext("Does that work?"), candidates, Ct);

        // Assert
        Assert.Equal(2, report.Users);
        Assert.Equal(17, report.Comparisons);
        Assert.Equal(1, report.ModelVersion);
        Assert.NotNull(await store.GetModelAsync("acme", "ranking", Ct));
        Assert.Equal(0, alice.Best!.Index);
        Assert.Equal(1, bob.Best!.Index);
        Assert.Equal(1, alice.ModelVersion);
    }

    [Fact]
    public async Task TrainAsync_SameLogAndSeed_GivesTheSameModel()
    {
        var (engine, store, _) = fixture.Create();
        for (int i = 0; i < 4; i++)
        {
            await engine.CompareAsync(Alice, new Comparison($"Q{i}", $"Short {i}.", $"A long answer number {i} with many more words in it than the short one."), Ct);
        }

        await engine.TrainAsync("acme", new TrainingOptions { Seed = 5 }, Ct);
        byte[] first = (await store.GetModelAsync("acme", "ranking", Ct))!.Payload.ToArray();
        await engine.TrainAsync("acme", new TrainingOptions { Seed = 5 }, Ct);
        StoredModel second = (await store.GetModelAsync("acme", "ranking", Ct))!;

        Assert.Equal(2, second.Version);
        Assert.Equal(first, second.Payload.ToArray());
    }

    [Fact]
    public async Task ForgetUserAsync_UserWithPersonalPart_DeletesIt()
    {
        var (engine, store, _) = fixture.Create();
        await engine.CompareAsync(Alice, new Comparison("Q", "Short.", "A much longer answer."), Ct);
        Assert.NotNull(await store.GetUserModelAsync(Alice, "ranking", Ct));

        await engine.ForgetUserAsync(Alice, Ct);

        Assert.Null(await store.GetUserModelAsync(Alice, "ranking", Ct));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public async Task ChooseAsync_ChosenOutsideCandidates_Throws(int chosen)
    {
        var (engine, _, _) = fixture.Create();
        string[] shown = chosen == 0 ? ["only one"] : ["a", "b"];

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => engine.ChooseAsync(Alice, new Choice("ctx", shown, chosen), Ct));

        Assert.Equal("choice", ex.ParamName);
        Assert.Empty(await engine.ExportAsync(Alice, Ct).ToListAsync(Ct));
    }

    [Fact]
    public async Task RateAsync_ScoreOffScale_Throws()
    {
        var (engine, _, _) = fixture.Create();

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => engine.RateAsync(Alice, new Rating("ctx", "resp", 7, 1, 5), Ct));

        Assert.Equal("rating", ex.ParamName);
    }
}
