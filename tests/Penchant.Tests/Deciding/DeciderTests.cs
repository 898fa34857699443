using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Penchant.Domain;
using Penchant.Signals;
using Penchant.Testing;

namespace Penchant.Deciding;

public sealed class DeciderTests
{
    private static readonly UserKey User = new("acme", "mia");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DecisionAction[] Actions(int count) =>
        [.. Enumerable.Range(0, count).Select(static i => new DecisionAction($"a{i}") { Features = [Feature.Category("kind", $"k{i}"), new Feature("price", i * 0.1)] })];

    private static DecisionContext Morning => new() { Features = [Feature.Category("time", "morning")] };

    private static ServiceProvider Create(InMemoryPreferenceStore store, FakeTimeProvider? time = null, Action<DecidingOptions>? configure = null)
        => TestEngines.Create(store, b =>
        {
            b.ConfigureDecisions(o =>
            {
                o.Seed = 5;
                configure?.Invoke(o);
            });
            if (time is not null)
            {
                b.Services.AddSingleton<TimeProvider>(time);
            }
        });

    [Theory]
    [InlineData(DecisionPolicy.InverseGap)]
    [InlineData(DecisionPolicy.ThompsonSampling)]
    [InlineData(DecisionPolicy.LinUcb)]
    [InlineData(DecisionPolicy.EpsilonGreedy)]
    public async Task DecideAsync_EveryPolicy_LogsTheDecisionWithPropensitiesThatSumToOne(DecisionPolicy policy)
    {
        // Arrange
        var store = new InMemoryPreferenceStore();
        using ServiceProvider services = Create(store);
        IDecider decider = services.GetRequiredService<IDecider>();

        // Act
        DecisionResult result = await decider.DecideAsync(User, Morning, Actions(5), new DecisionOptions { Policy = policy }, Ct);

        // Assert
        Assert.Equal(5, result.Ranking.Count);
        Assert.Equal(1.0, result.Ranking.Sum(static r => r.Probability), 9);
        Assert.All(result.Ranking, static r => Assert.True(r.Probability >= 0.05 / 5 - 1e-12));
        Assert.Equal(result.Chosen.Id, result.Ranking[0].Id);
        PreferenceEvent logged = Assert.Single(await store.ReadEventsAsync(User, 0, Ct).ToListAsync(Ct));
        Assert.Equal("decision", logged.Kind.Name);
        Decision decoded = Assert.IsType<Decision>(new Signals.Codecs.DecisionCodec().Decode(logged));
        Assert.Equal(result.DecisionId, decoded.DecisionId);
        Assert.Equal(1.0, decoded.Probabilities.Sum(), 9);
        foreach (ActionProbability ranked in result.Ranking)
        {
            // The logged propensity is the one returned, to the bit.
            int index = decoded.Actions.ToList().FindIndex(a => a.Id == ranked.Id);
            Assert.Equal(ranked.Probability, decoded.Probabilities[index]);
        }
    }

    [Fact]
    public async Task RewardAsync_Decisions_LearnsTheBestActionAndRebuildReproducesThePolicy()
    {
        // Arrange: action a2 pays 1, every other action 0.
        var store = new InMemoryPreferenceStore();
        using ServiceProvider services = Create(store);
        IDecider decider = services.GetRequiredService<IDecider>();
        IPenchant engine = services.GetRequiredService<IPenchant>();
        int late = 0;

        // Act
        for (int round = 0; round < 150; round++)
        {
            DecisionResult result = await decider.DecideAsync(User, Morning, Actions(4), cancellationToken: Ct);
            await decider.RewardAsync(User, result.DecisionId, result.Chosen.Id == "a2" ? 1 : 0, cancellationToken: Ct);
            if (round >= 100 && result.Chosen.Id == "a2")
            {
                late++;
            }
        }

        byte[] before = (await store.GetUserModelAsync(User, "decisions", Ct))!.Payload.ToArray();
        DecisionReport report = await decider.GetReportAsync(User, Ct);
        await engine.RebuildAsync(User, Ct);
        byte[] after = (await store.GetUserModelAsync(User, "decisions", Ct))!.Payload.ToArray();

        // Assert
        Assert.True(late >= 40, $"a2 chosen {late} of the last 50 rounds");
        Assert.Equal(150, report.Decisions);
        Assert.Equal(150, report.Rewarded);
        Assert.Equal(0, report.Pending);
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task RewardAsync_NeverComes_DefaultRewardAfterTheWait()
    {
        // Arrange
        var store = new InMemoryPreferenceStore();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        using ServiceProvider services = Create(store, time, o =>
        {
            o.RewardWait = TimeSpan.FromMinutes(5);
            o.DefaultReward = -0.5;
        });
        IDecider decider = services.GetRequiredService<IDecider>();

        // Act: the first decision never gets a reward; a decision six minutes later closes it.
        DecisionResult first = await decider.DecideAsync(User, Morning, Actions(3), cancellationToken: Ct);
        DecisionReport waiting = await decider.GetReportAsync(User, Ct);
        time.Advance(TimeSpan.FromMinutes(6));
        DecisionResult second = await decider.DecideAsync(User, Morning, Actions(3), cancellationToken: Ct);
        await decider.RewardAsync(User, first.DecisionId, 1, cancellationToken: Ct);
        DecisionReport closed = await decider.GetReportAsync(User, Ct);

        // Assert: the late reward is logged but not learned.
        Assert.Equal(1, waiting.Pending);
        Assert.Equal(1, closed.Defaulted);
        Assert.Equal(0, closed.Rewarded);
        Assert.Equal(-0.5, closed.MeanReward, 12);
        Assert.Equal(1, closed.Pending);
        Assert.NotEqual(first.DecisionId, second.DecisionId);
        Assert.Equal(3, (await store.ReadEventsAsync(User, 0, Ct).ToListAsync(Ct)).Count);
    }

    [Fact]
    public async Task DecideAsync_Apprentice_ReturnsTheDefaultAndReportsAgreement()
    {
        // Arrange
        var store = new InMemoryPreferenceStore();
        using ServiceProvider services = Create(store);
        IDecider decider = services.GetRequiredService<IDecider>();
        var options = new DecisionOptions { Apprentice = true, DefaultActionId = "a1" };

        // Act: the default (a1) always pays 1.
        for (int round = 0; round < 30; round++)
        {
            DecisionResult result = await decider.DecideAsync(User, Morning, Actions(3), options, Ct);
            Assert.Equal("a1", result.Chosen.Id);
            Assert.Equal(1.0, result.Chosen.Probability);
            Assert.True(result.Apprentice);
            await decider.RewardAsync(User, result.DecisionId, 1, cancellationToken: Ct);
        }

        DecisionReport report = await decider.GetReportAsync(User, Ct);

        // Assert
        Assert.Equal(30, report.ApprenticeDecisions);
        Assert.Equal(1.0, report.DefaultValue, 12);
        Assert.True(report.AgreementRate > 0.8, $"agreement {report.AgreementRate}");
        Assert.InRange(report.LearnedValue, 0.5, 1.0);
    }

    [Fact]
    public async Task DecideAsync_Slate_ChoosesDistinctActionsWithoutExcludedOnes()
    {
        // Arrange
        var store = new InMemoryPreferenceStore();
        using ServiceProvider services = Create(store);
        IDecider decider = services.GetRequiredService<IDecider>();

        // Act
        DecisionResult result = await decider.DecideAsync(
            User, Morning, Actions(6), new DecisionOptions { SlateSize = 3, ExcludedActionIds = ["a0"], Policy = DecisionPolicy.ThompsonSampling }, Ct);
        await decider.RewardAsync(User, result.DecisionId, 1, slot: 2, cancellationToken: Ct);

        // Assert
        Assert.Equal(3, result.Slate.Select(static s => s.Id).Distinct().Count());
        Assert.DoesNotContain(result.Ranking, static r => r.Id == "a0");
        Assert.Equal(5, result.Ranking.Count);
        Assert.All(result.Slate, static s => Assert.InRange(s.Probability, 1e-9, 1.0));
        await Assert.ThrowsAsync<ArgumentException>(() => decider.RewardAsync(User, result.DecisionId, 1, slot: 3, cancellationToken: Ct));
    }

    [Fact]
    public async Task DecideAsync_SameDecisionId_AnswersWithTheFirstDecision()
    {
        // Arrange
        var store = new InMemoryPreferenceStore();
        using ServiceProvider services = Create(store);
        IDecider decider = services.GetRequiredService<IDecider>();
        var options = new DecisionOptions { DecisionId = "evt-1", Policy = DecisionPolicy.EpsilonGreedy };

        // Act
        DecisionResult first = await decider.DecideAsync(User, Morning, Actions(8), options, Ct);
        DecisionResult[] again = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => decider.DecideAsync(User, Morning, Actions(8), options, Ct)));

        // Assert
        Assert.Equal("evt-1", first.DecisionId);
        Assert.All(again, r => Assert.Equal(first.Chosen, r.Chosen));
        Assert.All(again, static r => Assert.True(r.Replayed));
        Assert.Single(await store.ReadEventsAsync(User, 0, Ct).ToListAsync(Ct));
    }

    [Fact]
    public async Task ActivateAsync_DeferredDecision_IsLearnedOnlyOnceActivated()
    {
        // Arrange
        var store = new InMemoryPreferenceStore();
        using ServiceProvider services = Create(store);
        IDecider decider = services.GetRequiredService<IDecider>();

        // Act
        DecisionResult deferred = await decider.DecideAsync(User, Morning, Actions(3), new DecisionOptions { DeferActivation = true }, Ct);
        await decider.RewardAsync(User, deferred.DecisionId, 1, cancellationToken: Ct);
        DecisionReport before = await decider.GetReportAsync(User, Ct);
        await decider.ActivateAsync(User, deferred.DecisionId, Ct);
        await decider.ActivateAsync(User, deferred.DecisionId, Ct);
        await decider.RewardAsync(User, deferred.DecisionId, 1, cancellationToken: Ct);
        DecisionReport after = await decider.GetReportAsync(User, Ct);

        // Assert
        Assert.True(deferred.Deferred);
        Assert.Equal(0, before.Decisions);
        Assert.Equal(0, before.Rewarded);
        Assert.Equal(1, after.Decisions);
        Assert.Equal(1, after.Rewarded);
    }

    public static TheoryData<string> BadInputs() => ["no actions", "duplicate ids", "nan feature", "slate too big", "all excluded", "unknown default", "bad id", "empty text"];

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task DecideAsync_BadInput_ThrowsAndWritesNothing(string input)
    {
        // Arrange
        var store = new InMemoryPreferenceStore();
        using ServiceProvider services = Create(store);
        IDecider decider = services.GetRequiredService<IDecider>();
        DecisionAction[] actions = Actions(3);
        DecisionContext context = Morning;
        var options = new DecisionOptions();
        switch (input)
        {
            case "no actions": actions = []; break;
            case "duplicate ids": actions = [actions[0], actions[0]]; break;
            case "nan feature": actions[1] = actions[1] with { Features = [new Feature("x", double.NaN)] }; break;
            case "slate too big": options = options with { SlateSize = 4 }; break;
            case "all excluded": options = options with { ExcludedActionIds = ["a0", "a1", "a2"] }; break;
            case "unknown default": options = options with { Apprentice = true, DefaultActionId = "zz" }; break;
            case "bad id": options = options with { DecisionId = "has space" }; break;
            case "empty text": context = new DecisionContext(" "); break;
        }

        // Act + Assert
        await Assert.ThrowsAnyAsync<ArgumentException>(() => decider.DecideAsync(User, context, actions, options, Ct));
        Assert.Empty(await store.ReadEventsAsync(User, 0, Ct).ToListAsync(Ct));
    }

    [Fact]
    public async Task RecordAsync_DecisionNotMadeByTheDecider_ItsActionsAreStillChecked()
    {
        // Arrange: the decider checks its actions once and the codec trusts that check; a decision recorded any other
        // way (here with two actions of the same identifier) is checked by the codec.
        var store = new InMemoryPreferenceStore();
        using ServiceProvider services = Create(store);
        IPenchant engine = services.GetRequiredService<IPenchant>();
        DecisionAction[] actions = Actions(2);
        var decision = new Decision("made-elsewhere", Morning, [actions[0], actions[0]], [0], [0.5], [0.5, 0.5]);

        // Act + Assert
        await Assert.ThrowsAnyAsync<ArgumentException>(() => engine.RecordAsync(User, [decision], cancellationToken: Ct));
        Assert.Empty(await store.ReadEventsAsync(User, 0, Ct).ToListAsync(Ct));
    }

    [Fact]
    public async Task DecideAsync_CallerChangesItsListAfterwards_TheDecisionKeepsTheActionsDecidedAmong()
    {
        // Arrange
        var store = new InMemoryPreferenceStore();
        using ServiceProvider services = Create(store);
        IDecider decider = services.GetRequiredService<IDecider>();
        List<DecisionAction> actions = [.. Actions(3)];

        // Act: the decision is made, then the caller reuses its list.
        DecisionResult result = await decider.DecideAsync(User, Morning, actions, cancellationToken: Ct);
        actions[0] = new DecisionAction("changed") { Features = [new Feature("x", 1)] };
        actions.RemoveAt(2);
        await decider.RewardAsync(User, result.DecisionId, 1.0, cancellationToken: Ct);

        // Assert: the log and the policy's report hold the decision as made.
        PreferenceEvent logged = (await store.ReadEventsAsync(User, 0, Ct).ToListAsync(Ct))[0];
        Decision decoded = Assert.IsType<Decision>(new Signals.Codecs.DecisionCodec().Decode(logged));
        Assert.Equal(["a0", "a1", "a2"], decoded.Actions.Select(static a => a.Id));
        Assert.Equal(1, (await decider.GetReportAsync(User, Ct)).Rewarded);
    }

    [Fact]
    public async Task RewardAsync_UnknownDecisionOrBadValue_ThrowsAndWritesNothing()
    {
        // Arrange
        var store = new InMemoryPreferenceStore();
        using ServiceProvider services = Create(store);
        IDecider decider = services.GetRequiredService<IDecider>();
        DecisionResult result = await decider.DecideAsync(User, Morning, Actions(2), cancellationToken: Ct);

        // Act + Assert
        await Assert.ThrowsAsync<NotFoundException>(() => decider.RewardAsync(User, "nope", 1, cancellationToken: Ct));
        await Assert.ThrowsAsync<NotFoundException>(() => decider.RewardAsync(new UserKey("other", "mia"), result.DecisionId, 1, cancellationToken: Ct));
        var error = await Assert.ThrowsAsync<ArgumentException>(() => decider.RewardAsync(User, result.DecisionId, double.PositiveInfinity, cancellationToken: Ct));
        Assert.Equal("value", error.ParamName);
        Assert.Single(await store.ReadEventsAsync(User, 0, Ct).ToListAsync(Ct));
    }

    [Fact]
    public async Task DecideAsync_TextsAndStatedPreference_AddsThePreferenceScoreFeature()
    {
        // Arrange
        var store = new InMemoryPreferenceStore();
        using ServiceProvider services = Create(store);
        IDecider decider = services.GetRequiredService<IDecider>();
        IPenchant engine = services.GetRequiredService<IPenchant>();
        await engine.RecordAsync(User, [new Statement("I love jazz music.")], cancellationToken: Ct);

        // Act
        DecisionResult result = await decider.DecideAsync(
            User, new DecisionContext("what should I listen to tonight"), [new DecisionAction("jazz", "a jazz album"), new DecisionAction("metal", "a metal album")], cancellationToken: Ct);

        // Assert
        PreferenceEvent logged = (await store.ReadEventsAsync(User, 0, Ct).ToListAsync(Ct))[^1];
        Assert.Equal("decision", logged.Kind.Name);
        Decision decoded = Assert.IsType<Decision>(new Signals.Codecs.DecisionCodec().Decode(logged));
        Assert.All(decoded.Actions, static a => Assert.Contains(a.Features, static f => f.Name == Decider.PreferenceScoreFeature));
        Assert.Equal(2, result.Ranking.Count);
    }

    [Fact]
    public async Task EvaluatePolicyAsync_UniformLogs_EstimatesAGreedyPolicyNearItsTrueValue()
    {
        // Arrange: log 400 uniform decisions (ε = 1); action a1 pays 1, the others 0; a greedy candidate's value is near 1.
        var store = new InMemoryPreferenceStore();
        using ServiceProvider services = Create(store, configure: static o => o.ExplorationRate = 1.0);
        IDecider decider = services.GetRequiredService<IDecider>();
        for (int round = 0; round < 400; round++)
        {
            DecisionResult result = await decider.DecideAsync(User, Morning, Actions(4), new DecisionOptions { Policy = DecisionPolicy.EpsilonGreedy }, Ct);
            await decider.RewardAsync(User, result.DecisionId, result.Chosen.Id == "a1" ? 1 : 0, cancellationToken: Ct);
        }

        // Act
        OffPolicyReport? report = await decider.EvaluatePolicyAsync(User, new PolicyCandidate(DecisionPolicy.EpsilonGreedy) { ExplorationRate = 0.0 }, cancellationToken: Ct);
        OffPolicyReport? uniform = await decider.EvaluatePolicyAsync(User, new PolicyCandidate(DecisionPolicy.EpsilonGreedy) { ExplorationRate = 1.0 }, cancellationToken: Ct);

        // Assert
        Assert.NotNull(report);
        Assert.Equal(400, report.Decisions);
        Assert.InRange(report.DoublyRobust.Value, 0.8, 1.1);
        Assert.InRange(report.Snips.Value, 0.8, 1.05);
        Assert.InRange(uniform!.Ips.Value, 0.15, 0.35);
        Assert.True(uniform.Ips.Covers(0.25));
    }

    [Fact]
    public async Task EvaluatePolicyAsync_Tenant_PoolsEveryUsersDecisionsAndNoOtherTenants()
    {
        // Arrange: two users of acme log 150 uniform decisions each (a1 pays 1); a user of another tenant logs 100 where nothing pays.
        var store = new InMemoryPreferenceStore();
        using ServiceProvider services = Create(store, configure: static o => o.ExplorationRate = 1.0);
        IDecider decider = services.GetRequiredService<IDecider>();
        UserKey[] acme = [User, new UserKey("acme", "noah")];
        var other = new UserKey("globex", "mia");
        foreach ((UserKey user, int rounds) in new[] { (acme[0], 150), (acme[1], 150), (other, 100) })
        {
            for (int round = 0; round < rounds; round++)
            {
                DecisionResult result = await decider.DecideAsync(user, Morning, Actions(4), new DecisionOptions { Policy = DecisionPolicy.EpsilonGreedy }, Ct);
                await decider.RewardAsync(user, result.DecisionId, user.TenantId == "acme" && result.Chosen.Id == "a1" ? 1 : 0, cancellationToken: Ct);
            }
        }

        var greedy = new PolicyCandidate(DecisionPolicy.EpsilonGreedy) { ExplorationRate = 0.0 };

        // Act
        OffPolicyReport? tenant = await decider.EvaluatePolicyAsync("acme", greedy, cancellationToken: Ct);
        OffPolicyReport? one = await decider.EvaluatePolicyAsync(acme[1], greedy, cancellationToken: Ct);
        OffPolicyReport? globex = await decider.EvaluatePolicyAsync("globex", greedy, cancellationToken: Ct);
        OffPolicyReport? nobody = await decider.EvaluatePolicyAsync("initech", greedy, cancellationToken: Ct);

        // Assert
        Assert.NotNull(tenant);
        Assert.Equal(300, tenant.Decisions);
        Assert.Equal(150, one!.Decisions);
        Assert.InRange(tenant.DoublyRobust.Value, 0.75, 1.1);
        Assert.Equal(100, globex!.Decisions);
        Assert.InRange(globex.DoublyRobust.Value, -0.05, 0.05);
        Assert.Null(nobody);
        await Assert.ThrowsAsync<ArgumentException>(() => decider.EvaluatePolicyAsync(" ", greedy, cancellationToken: Ct));
    }

    [Fact]
    public async Task Policy_ReadBackByAnotherEngine_IsTheLivePolicyAndLearnsWaitingDecisionsLikeAReplay()
    {
        // Arrange: a snapshot every 7 entries; every third decision is left waiting for its reward.
        var store = new InMemoryPreferenceStore();
        using ServiceProvider first = Create(store, configure: static o => o.SnapshotInterval = 7);
        IDecider decider = first.GetRequiredService<IDecider>();
        var waiting = new List<string>();
        for (int round = 0; round < 60; round++)
        {
            DecisionResult result = await decider.DecideAsync(User, Morning, Actions(4), cancellationToken: Ct);
            if (round % 3 == 0)
            {
                waiting.Add(result.DecisionId);
            }
            else
            {
                await decider.RewardAsync(User, result.DecisionId, result.Chosen.Id == "a2" ? 1 : 0, cancellationToken: Ct);
            }
        }

        DecisionReport live = await decider.GetReportAsync(User, Ct);
        byte[] liveRegression = await RegressionAsync(first, store);

        // Act: another engine over the same store reads the policy back (snapshot + the entries after it), then rewards
        // the waiting decisions, whose features it must find in the log.
        using ServiceProvider second = Create(store, configure: static o => o.SnapshotInterval = 7);
        IDecider other = second.GetRequiredService<IDecider>();
        DecisionReport readBack = await other.GetReportAsync(User, Ct);
        byte[] readBackRegression = await RegressionAsync(second, store);
        foreach (string id in waiting)
        {
            await other.RewardAsync(User, id, 1, cancellationToken: Ct);
        }

        byte[] learned = await RegressionAsync(second, store);
        await second.GetRequiredService<IPenchant>().RebuildAsync(User, Ct);
        byte[] replayed = await RegressionAsync(second, store);
        DecisionReport after = await other.GetReportAsync(User, Ct);

        // Assert
        Assert.Equal(live, readBack);
        Assert.Equal(20, live.Pending);
        Assert.Equal(liveRegression, readBackRegression);
        Assert.NotEqual(readBackRegression, learned);
        Assert.Equal(replayed, learned);
        Assert.Equal(0, after.Pending);
        Assert.Equal(60, after.Rewarded);
        Assert.True((await store.GetUserModelAsync(User, "decisions", Ct))!.Payload.Length < 40_000, "the snapshot carries no feature vectors");
    }

    [Fact]
    public async Task RewardAsync_WriteFails_TheRewardIsNotLearnedInMemory()
    {
        // Arrange: a learner after the decision policy that fails on a reward of 42, so the write is not committed.
        var store = new InMemoryPreferenceStore();
        using ServiceProvider services = TestEngines.Create(store, static b => b.ConfigureDecisions(static o => o.Seed = 5).AddLearner<FailingRewardLearner>());
        IDecider decider = services.GetRequiredService<IDecider>();
        DecisionResult decision = await decider.DecideAsync(User, Morning, Actions(3), cancellationToken: Ct);
        byte[] before = await RegressionAsync(services, store);

        // Act
        await Assert.ThrowsAsync<InvalidOperationException>(() => decider.RewardAsync(User, decision.DecisionId, 42, cancellationToken: Ct));
        DecisionReport report = await decider.GetReportAsync(User, Ct);
        byte[] after = await RegressionAsync(services, store);
        await decider.RewardAsync(User, decision.DecisionId, 1, cancellationToken: Ct);
        DecisionReport rewarded = await decider.GetReportAsync(User, Ct);

        // Assert: the failed reward left nothing behind; the next one is learned.
        Assert.Equal(0, report.Rewarded);
        Assert.Equal(1, report.Pending);
        Assert.Equal(before, after);
        Assert.Equal(1, rewarded.Rewarded);
        Assert.Equal(1.0, rewarded.MeanReward, 12);
    }

    /// <summary>The user's policy regression as the decider reads it now, as bytes.</summary>
    private static async Task<byte[]> RegressionAsync(ServiceProvider services, InMemoryPreferenceStore store)
    {
        await services.GetRequiredService<IDecider>().GetReportAsync(User, Ct);
        Storage.LogPosition position = await store.GetLogPositionAsync(User, Ct);
        PolicyState state = services.GetRequiredService<PolicyCache>().Find(User, position) ?? throw new InvalidOperationException("The policy is not cached.");
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream))
        {
            lock (state)
            {
                state.Regression.Write(writer);
            }
        }

        return stream.ToArray();
    }

    private sealed class FailingRewardLearner : Learning.ILearner
    {
        public bool Reads(EventKind kind) => kind.Name == "reward";

        public ValueTask LearnAsync(Learning.LearningContext context, PreferenceEvent entry, CancellationToken cancellationToken)
            => context.Decode<Reward>(entry) is { Value: 42 } ? throw new InvalidOperationException("No 42s.") : ValueTask.CompletedTask;
    }

    [Fact]
    public async Task DecideAsync_SameActionsAgain_LogsTheSetOnceAndAnotherEngineLearnsFromTheReference()
    {
        // Arrange
        var store = new InMemoryPreferenceStore();
        DecisionAction[] actions = Actions(50);
        string second;
        using (ServiceProvider services = Create(store))
        {
            IDecider decider = services.GetRequiredService<IDecider>();
            DecisionResult first = await decider.DecideAsync(User, Morning, actions, cancellationToken: Ct);
            await decider.RewardAsync(User, first.DecisionId, 1.0, cancellationToken: Ct);

            // Act: the same actions (other instances, same content) again.
            second = (await decider.DecideAsync(User, Morning, [.. Actions(50)], cancellationToken: Ct)).DecisionId;
        }

        // Assert: the first decision carries the set, the second names it and is a fraction of its size.
        List<PreferenceEvent> decisions = [.. (await store.ReadEventsAsync(User, 0, Ct).ToListAsync(Ct)).Where(static e => e.Kind.Name == "decision")];
        Assert.Equal(2, decisions.Count);
        var codec = new Signals.Codecs.DecisionCodec();
        Decision carrier = Assert.IsType<Decision>(codec.Decode(decisions[0]));
        Decision reference = Assert.IsType<Decision>(codec.Decode(decisions[1]));
        Assert.True(carrier.CarriesActionSet);
        Assert.True(reference.NeedsActions);
        Assert.Equal(carrier.ActionSetId, reference.ActionSetId);
        Assert.True(decisions[1].Data!.Length * 3 < decisions[0].Data!.Length, $"{decisions[1].Data!.Length} vs {decisions[0].Data!.Length} chars");

        // Another engine over the store (its policy read back from the snapshot and the log) rewards the second decision:
        // the set is found in the carrier's entry and the reward teaches the regressor.
        using ServiceProvider other = Create(store);
        await other.GetRequiredService<IDecider>().RewardAsync(User, second, 1.0, cancellationToken: Ct);
        (PolicyState state, _) = await other.GetRequiredService<PolicyUpdater>().LoadAsync(User, Ct);
        Assert.Equal(2, state.Regression.Count);
        Assert.Equal(2, (await other.GetRequiredService<IDecider>().GetReportAsync(User, Ct)).Rewarded);
    }

    [Fact]
    public async Task DecideAsync_CallerChangesAFeatureOfAKnownSet_ANewSetIsCarried()
    {
        // Arrange
        var store = new InMemoryPreferenceStore();
        using ServiceProvider services = Create(store);
        IDecider decider = services.GetRequiredService<IDecider>();
        DecisionAction[] actions = Actions(3);
        await decider.DecideAsync(User, Morning, actions, cancellationToken: Ct);

        // Act: one feature's value differs.
        actions[1] = actions[1] with { Features = [Feature.Category("kind", "k1"), new Feature("price", 0.7)] };
        await decider.DecideAsync(User, Morning, actions, cancellationToken: Ct);

        // Assert
        List<PreferenceEvent> logged = await store.ReadEventsAsync(User, 0, Ct).ToListAsync(Ct);
        var codec = new Signals.Codecs.DecisionCodec();
        Decision latest = Assert.IsType<Decision>(codec.Decode(logged[^1]));
        Assert.True(latest.CarriesActionSet);
        Assert.Equal(0.7, latest.Actions[1].Features[1].Value);
        Assert.NotEqual(Assert.IsType<Decision>(codec.Decode(logged[0])).ActionSetId, latest.ActionSetId);
    }
}
