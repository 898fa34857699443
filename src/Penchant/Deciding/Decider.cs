using System.Buffers;
using Microsoft.Extensions.Options;
using Penchant.Domain;
using Penchant.Engine;
using Penchant.Learning.Exploration;
using Penchant.Numerics;
using Penchant.Signals;
using Penchant.Signals.Codecs;
using Penchant.Storage;

namespace Penchant.Deciding;

/// <summary>
/// The default <see cref="IDecider"/>: reads the user's policy (as the <see cref="DecisionLearner"/> keeps it), chooses,
/// and records the decision, its rewards and activations through <see cref="IPenchant.RecordAsync"/>, so they are signals
/// in the user's log like any other and the policy is rebuilt by replay.
/// </summary>
/// <remarks>Thread-safe.</remarks>
internal sealed class Decider : IDecider
{
    private readonly IPenchant _engine;
    private readonly UserStateCache _states;
    private readonly DecisionFeaturizer _featurizer;
    private readonly DecidingOptions _options;
    private readonly PenchantOptions _engineOptions;
    private readonly TimeProvider _time;
    private readonly Random _random;
    private readonly PolicyCache _policies;
    private readonly PolicyUpdater _updater;

    public Decider(IPenchant engine, UserStateCache states, DecisionFeaturizer featurizer, IOptions<DecidingOptions> options, IOptions<PenchantOptions> engineOptions, PolicyCache policies, PolicyUpdater updater, TimeProvider? timeProvider = null)
    {
        _policies = policies;
        _updater = updater;
        _engine = engine;
        _states = states;
        _featurizer = featurizer;
        _options = options.Value;
        _engineOptions = engineOptions.Value;
        _time = timeProvider ?? TimeProvider.System;
        _random = _options.Seed is { } seed ? new LockedRandom(seed) : Random.Shared;
    }

    private IPreferenceStore Store => _states.Store;

    /// <summary>Gets the log entry identifier a decision is recorded under.</summary>
    public static string EventIdOf(string decisionId) => IdempotencyKeys.EventId(DecisionCodec.DecisionKind.Name, decisionId, 0);

    /// <inheritdoc/>
    public async Task<DecisionResult> DecideAsync(UserKey user, DecisionContext context, IReadOnlyList<DecisionAction> actions, DecisionOptions? options = null, CancellationToken cancellationToken = default)
    {
        user.Validate();
        options ??= new DecisionOptions();
        var rules = new SignalRules(_engineOptions.MaxTextLength);
        DecisionInputs.ValidateContext(context, rules, _options.MaxFeatures, nameof(context));
        DecisionInputs.ValidateActions(actions, rules, _options.MaxActions, _options.MaxFeatures, nameof(actions));
        ArgumentNullException.ThrowIfNull(options.ExcludedActionIds, nameof(options));
        string decisionId = options.DecisionId ?? NewDecisionId();
        DecisionInputs.ValidateId(decisionId, nameof(options));

        DecisionAction[] eligible = Eligible(actions, options.ExcludedActionIds);
        if (eligible.Length == 0)
        {
            throw new ArgumentException("Every action is excluded; leave at least one to choose.", nameof(options));
        }

        if (options.SlateSize < 1 || options.SlateSize > eligible.Length)
        {
            throw new ArgumentException($"A slate has 1 to {eligible.Length} actions (the eligible ones); {options.SlateSize} was asked.", nameof(options));
        }

        int defaultIndex = 0;
        if (options.DefaultActionId is { } defaultId)
        {
            defaultIndex = Array.FindIndex(eligible, a => string.Equals(a.Id, defaultId, StringComparison.Ordinal));
            if (defaultIndex < 0)
            {
                throw new ArgumentException($"The default action '{defaultId}' is not one of the eligible actions.", nameof(options));
            }
        }

        DecisionPolicy policy = options.Policy ?? _options.Policy;
        if (!Enum.IsDefined(policy))
        {
            throw new ArgumentException($"Unknown policy {policy}.", nameof(options));
        }

        double[]? scores = _options.UseStatedPreferences
            ? await PreferenceScoresAsync(user, context, eligible, cancellationToken).ConfigureAwait(false)
            : null;
        PolicyState state = await ReadPolicyAsync(user, cancellationToken).ConfigureAwait(false);

        // The decision names its action set (the actions as given): by reference when the policy knows the set is logged,
        // else carrying it. A known set is a frozen copy, so the caller may change its lists afterwards.
        ActionSetEntry? known;
        lock (state)
        {
            known = state.MatchActionSet(eligible);
        }

        DecisionAction[] set = known?.Actions ?? ActionSetEntry.Freeze(eligible);
        string setId = known?.Id ?? DecisionBinaryFormat.ActionSetId(set);
        string carrierId = known is { Logged: true } ? known.CarrierId : decisionId;

        // Checked once, above: the decision's codec takes the checked copy as it is.
        var checkedActions = new ValidatedActions(Decision.Scored(set, scores));
        double[] vectors = ArrayPool<double>.Shared.Rent(eligible.Length * _featurizer.Dimensions);
        PolicyChooser.Choice choice;
        try
        {
            await _featurizer.FeaturizeAsync(context, checkedActions, vectors, state.Texts, cancellationToken).ConfigureAwait(false);
            lock (state)
            {
                choice = PolicyChooser.Choose(state.Regression, vectors, eligible.Length, policy, _options, _options.ExplorationRate, _random, options.SlateSize);
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(vectors);
        }

        int[] slate = choice.Slate;
        double[] slateProbabilities = choice.SlateProbabilities;
        double[] probabilities = choice.Probabilities;
        if (options.Apprentice)
        {
            // The application's default action, chosen for sure; the rest of a slate keeps the policy's order.
            var ordered = new List<int> { defaultIndex };
            foreach (int index in slate)
            {
                if (index != defaultIndex && ordered.Count < slate.Length)
                {
                    ordered.Add(index);
                }
            }

            slate = [.. ordered];
            slateProbabilities = new double[slate.Length];
            Array.Fill(slateProbabilities, 1.0);
            probabilities = new double[eligible.Length];
            probabilities[defaultIndex] = 1.0;
        }

        var signal = new Decision(decisionId, context, checkedActions, slate, slateProbabilities, probabilities)
        {
            Policy = policy,
            Apprentice = options.Apprentice,
            LearnedIndex = choice.Learned,
            Deferred = options.DeferActivation,
            ActionSetId = setId,
            CarrierId = carrierId,
            SetActions = set,
            PreferenceScores = scores,
            ActionCount = set.Length,
        };
        WriteResult written = await _engine.RecordAsync(user, [signal], decisionId, cancellationToken).ConfigureAwait(false);
        if (written.Replayed)
        {
            PreferenceEvent stored = written.Events[0];
            Decision first = (DecisionCodecInstance.Decode(stored) is { } read ? await _updater.ResolveAsync(user, state, read, cancellationToken).ConfigureAwait(false) : null)
                ?? throw new InvalidOperationException($"The decision '{decisionId}' is logged but cannot be read back.");
            return ToResult(first, null) with { Replayed = true };
        }

        return ToResult(signal, choice.Means);
    }

    /// <inheritdoc/>
    public async Task<RewardResult> RewardAsync(UserKey user, string decisionId, double value, int slot = 0, CancellationToken cancellationToken = default)
    {
        user.Validate();
        DecisionInputs.ValidateId(decisionId, nameof(decisionId));
        if (!double.IsFinite(value))
        {
            throw new ArgumentException("A reward is a finite number.", nameof(value));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(slot);
        PreferenceEvent entry = await FindEntryAsync(user, decisionId, cancellationToken).ConfigureAwait(false);

        // Every decision has a first slot; only a later one needs the decision read back to check its slate.
        if (slot > 0 && (DecisionCodecInstance.Decode(entry) is not { } decision || slot >= decision.Slate.Count))
        {
            throw new ArgumentException($"Slot {slot} is outside the decision's slate.", nameof(slot));
        }

        WriteResult written = await _engine.RecordAsync(user, [new Reward(decisionId, value, slot)], cancellationToken: cancellationToken).ConfigureAwait(false);
        return new RewardResult(decisionId, written.Events[0].Id);
    }

    /// <inheritdoc/>
    public async Task ActivateAsync(UserKey user, string decisionId, CancellationToken cancellationToken = default)
    {
        user.Validate();
        DecisionInputs.ValidateId(decisionId, nameof(decisionId));
        await FindEntryAsync(user, decisionId, cancellationToken).ConfigureAwait(false);
        await _engine.RecordAsync(user, [new Activation(decisionId)], decisionId, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<string>> ActivateWaitingAsync(UserKey user, string decisionIdPrefix, CancellationToken cancellationToken = default)
    {
        user.Validate();
        DecisionInputs.ValidateId(decisionIdPrefix, nameof(decisionIdPrefix));
        PolicyState state = await ReadPolicyAsync(user, cancellationToken).ConfigureAwait(false);
        var waiting = new List<string>();
        lock (state)
        {
            foreach ((string id, PendingDecision pending) in state.Pending)
            {
                if (pending.ActiveAt is null && id.StartsWith(decisionIdPrefix, StringComparison.Ordinal))
                {
                    waiting.Add(id);
                }
            }
        }

        waiting.Sort(StringComparer.Ordinal);
        foreach (string id in waiting)
        {
            await ActivateAsync(user, id, cancellationToken).ConfigureAwait(false);
        }

        return waiting;
    }

    /// <inheritdoc/>
    public async Task<bool> HasDecisionAsync(UserKey user, string decisionId, CancellationToken cancellationToken = default)
    {
        user.Validate();
        DecisionInputs.ValidateId(decisionId, nameof(decisionId));
        await _states.EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        IReadOnlyList<PreferenceEvent> found = await Store.FindEventsAsync(user, [EventIdOf(decisionId)], cancellationToken).ConfigureAwait(false);
        return found.Count > 0 && found[0].Kind == DecisionCodec.DecisionKind;
    }

    /// <inheritdoc/>
    public async Task<DecisionReport> GetReportAsync(UserKey user, CancellationToken cancellationToken = default)
    {
        user.Validate();
        PolicyState state = await ReadPolicyAsync(user, cancellationToken).ConfigureAwait(false);
        lock (state)
        {
            return state.Report();
        }
    }

    /// <inheritdoc/>
    public async Task<OffPolicyReport?> EvaluatePolicyAsync(UserKey user, PolicyCandidate candidate, DateTimeOffset? from = null, DateTimeOffset? to = null, CancellationToken cancellationToken = default)
    {
        user.Validate();
        EvaluationRange range = CheckCandidate(candidate, from, to);
        await _states.EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        var samples = new OffPolicySamples();
        await CollectAsync(user, candidate, range, samples, cancellationToken).ConfigureAwait(false);
        return samples.Estimate();
    }

    /// <inheritdoc/>
    public async Task<OffPolicyReport?> EvaluatePolicyAsync(string tenantId, PolicyCandidate candidate, DateTimeOffset? from = null, DateTimeOffset? to = null, CancellationToken cancellationToken = default)
    {
        new UserKey(tenantId, "_").Validate();
        EvaluationRange range = CheckCandidate(candidate, from, to);
        await _states.EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        var samples = new OffPolicySamples();
        await foreach (string userId in Store.ListUsersAsync(tenantId, cancellationToken).ConfigureAwait(false))
        {
            await CollectAsync(new UserKey(tenantId, userId), candidate, range, samples, cancellationToken).ConfigureAwait(false);
        }

        return samples.Estimate();
    }

    private EvaluationRange CheckCandidate(PolicyCandidate candidate, DateTimeOffset? from, DateTimeOffset? to)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        if (candidate.ExplorationRate is { } rate && (rate < 0 || rate > 1 || double.IsNaN(rate)))
        {
            throw new ArgumentException("An exploration rate lies in [0, 1].", nameof(candidate));
        }

        if (!Enum.IsDefined(candidate.Policy))
        {
            throw new ArgumentException($"Unknown policy {candidate.Policy}.", nameof(candidate));
        }

        DateTimeOffset now = _time.GetUtcNow();
        DateTimeOffset end = to ?? now;
        if (from is { } start && start > end)
        {
            throw new ArgumentException("The range starts after it ends.", nameof(from));
        }

        return new EvaluationRange(from, end, now);
    }

    /// <summary>Replays one user's log for the candidate (learning afresh) and adds each decision in the range with a known reward.</summary>
    private async Task CollectAsync(UserKey user, PolicyCandidate candidate, EvaluationRange range, OffPolicySamples samples, CancellationToken cancellationToken)
    {
        (DateTimeOffset? from, DateTimeOffset end, DateTimeOffset now) = range;
        var decisions = new List<Decision>();
        var sets = new Dictionary<string, IReadOnlyList<DecisionAction>>(StringComparer.Ordinal);
        var rewards = new Dictionary<string, (double Value, DateTimeOffset At)>(StringComparer.Ordinal);
        var activations = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        await foreach (PreferenceEvent entry in Store.ReadEventsAsync(user, 0, cancellationToken).ConfigureAwait(false))
        {
            if (entry.Redacted)
            {
                continue;
            }

            if (entry.Kind == DecisionCodec.DecisionKind && DecisionCodecInstance.Decode(entry) is { } decision)
            {
                // A decision by reference finds its set in an earlier entry of the log (the one that carries it).
                if (decision is { CarriesActionSet: true, SetActions: { } carried })
                {
                    sets.TryAdd(decision.ActionSetId!, carried);
                }

                Decision? found = decision.NeedsActions && sets.TryGetValue(decision.ActionSetId!, out IReadOnlyList<DecisionAction>? set)
                    ? decision.WithActionSet(set)
                    : await _updater.ResolveAsync(user, null, decision, cancellationToken).ConfigureAwait(false);
                if (found is not null)
                {
                    decisions.Add(found);
                }
            }
            else if (entry.Kind == RewardCodec.RewardKind && RewardCodecInstance.Decode(entry) is { Slot: 0 } reward)
            {
                rewards.TryAdd(reward.DecisionId, (reward.Value, entry.At));
            }
            else if (entry.Kind == ActivationCodec.ActivationKind && entry.Text is { } activated)
            {
                activations.TryAdd(activated, entry.At);
            }
        }

        double exploration = candidate.ExplorationRate ?? _options.ExplorationRate;
        var random = new Random(candidate.Seed);
        var model = new BayesianLinearRegression(_featurizer.Dimensions, _options.Ridge);
        int d = _featurizer.Dimensions;
        var texts = new System.Collections.Concurrent.ConcurrentDictionary<string, float[]>(StringComparer.Ordinal);
        foreach (Decision decision in decisions)
        {
            DateTimeOffset decidedAt = decision.At ?? now;
            DateTimeOffset? active = decision.Deferred ? (activations.TryGetValue(decision.DecisionId, out DateTimeOffset a) ? a : null) : decidedAt;
            if (active is not { } since)
            {
                continue;
            }

            double reward;
            if (rewards.TryGetValue(decision.DecisionId, out var r) && r.At <= since + _options.RewardWait)
            {
                reward = r.Value;
            }
            else if (since + _options.RewardWait < now)
            {
                reward = _options.DefaultReward;
            }
            else
            {
                continue;
            }

            int k = decision.Actions.Count;
            double[] vectors = await _featurizer.FeaturizeAsync(decision.Context, decision.Actions, texts, cancellationToken).ConfigureAwait(false);
            int logged = decision.Slate[0];
            bool inRange = decidedAt < end && (from is null || decidedAt >= from);
            if (inRange)
            {
                double[] means = PolicyChooser.Means(model, vectors, k);
                double[] p = new double[k];
                PolicyChooser.Probabilities(model, vectors, k, means, null, null, candidate.Policy, _options, exploration, random, p);
                double dm = 0;
                for (int i = 0; i < k; i++)
                {
                    dm += p[i] * means[i];
                }

                samples.Add(p[logged] / decision.SlateProbabilities[0], reward, means[logged], dm);
            }

            model.Update(vectors.AsSpan(logged * d, d), reward);
        }
    }

    /// <summary>The range of an evaluation: its start (or none), its end, and the moment it was asked.</summary>
    private readonly record struct EvaluationRange(DateTimeOffset? From, DateTimeOffset End, DateTimeOffset Now);

    /// <summary>The per-decision terms of the estimators, gathered over one user or many.</summary>
    private sealed class OffPolicySamples
    {
        private readonly List<double> _weights = [];
        private readonly List<double> _observed = [];
        private readonly List<double> _predictedLogged = [];
        private readonly List<double> _direct = [];

        public void Add(double weight, double observed, double predictedLogged, double direct)
        {
            _weights.Add(weight);
            _observed.Add(observed);
            _predictedLogged.Add(predictedLogged);
            _direct.Add(direct);
        }

        public OffPolicyReport? Estimate()
            => _weights.Count == 0
                ? null
                : OffPolicyEstimators.Estimate([.. _weights], [.. _observed], [.. _predictedLogged], [.. _direct]);
    }

    private static readonly DecisionCodec DecisionCodecInstance = new();
    private static readonly RewardCodec RewardCodecInstance = new();

    private static DecisionResult ToResult(Decision decision, double[]? means)
    {
        int k = decision.Actions.Count;
        var slate = new ActionProbability[decision.Slate.Count];
        bool[] chosen = new bool[k];
        for (int s = 0; s < slate.Length; s++)
        {
            slate[s] = new ActionProbability(decision.Actions[decision.Slate[s]].Id, decision.SlateProbabilities[s]);
            chosen[decision.Slate[s]] = true;
        }

        // The slate first, then the rest by the policy's mean (or, read back from the log, by probability), highest first.
        int[] rest = new int[k - slate.Length];
        double[] keys = new double[rest.Length];
        int r = 0;
        for (int i = 0; i < k; i++)
        {
            if (!chosen[i])
            {
                rest[r] = i;
                keys[r++] = -(means is null ? decision.Probabilities[i] : means[i]);
            }
        }

        // A stable order: equal keys keep the actions' order, as the list sort over indexes did.
        Array.Sort(keys, rest);
        StableTies(keys, rest);
        var ranking = new ActionProbability[k];
        int at = 0;
        foreach (int index in decision.Slate)
        {
            ranking[at++] = new ActionProbability(decision.Actions[index].Id, decision.Probabilities[index]);
        }

        foreach (int index in rest)
        {
            ranking[at++] = new ActionProbability(decision.Actions[index].Id, decision.Probabilities[index]);
        }

        return new DecisionResult(decision.DecisionId, slate, ranking)
        {
            Policy = decision.Policy,
            Apprentice = decision.Apprentice,
            LearnedActionId = decision.Actions[decision.LearnedIndex].Id,
            Deferred = decision.Deferred,
        };
    }

    /// <summary>Puts the indexes of each run of equal keys back in ascending order (an array sort is not stable).</summary>
    private static void StableTies(double[] keys, int[] indexes)
    {
        int start = 0;
        for (int i = 1; i <= keys.Length; i++)
        {
            if (i == keys.Length || keys[i] != keys[start])
            {
                if (i - start > 1)
                {
                    Array.Sort(indexes, start, i - start);
                }

                start = i;
            }
        }
    }

    private async Task<PreferenceEvent> FindEntryAsync(UserKey user, string decisionId, CancellationToken cancellationToken)
    {
        await _states.EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        IReadOnlyList<PreferenceEvent> found = await Store.FindEventsAsync(user, [EventIdOf(decisionId)], cancellationToken).ConfigureAwait(false);
        return found.Count > 0 && found[0].Kind == DecisionCodec.DecisionKind
            ? found[0]
            : throw new NotFoundException($"The user has no decision '{decisionId}'.");
    }

    /// <summary>A copy of the actions not excluded (the decision owns it: the caller's list may change afterwards).</summary>
    private static DecisionAction[] Eligible(IReadOnlyList<DecisionAction> actions, IReadOnlyList<string> excludedIds)
    {
        if (excludedIds.Count == 0)
        {
            var all = new DecisionAction[actions.Count];
            for (int i = 0; i < all.Length; i++)
            {
                all[i] = actions[i];
            }

            return all;
        }

        var excluded = new HashSet<string>(excludedIds, StringComparer.Ordinal);
        var eligible = new List<DecisionAction>(actions.Count);
        for (int i = 0; i < actions.Count; i++)
        {
            if (!excluded.Contains(actions[i].Id))
            {
                eligible.Add(actions[i]);
            }
        }

        return [.. eligible];
    }

    /// <summary>The user's stated-preference score of each action (when the context and every action have texts), a feature the policy learns over; <see langword="null"/> otherwise.</summary>
    private async Task<double[]?> PreferenceScoresAsync(UserKey user, DecisionContext context, DecisionAction[] actions, CancellationToken cancellationToken)
    {
        if (context.Text is null || Array.Exists(actions, static a => a.Text is null))
        {
            return null;
        }

        string[] texts = new string[actions.Length];
        for (int i = 0; i < texts.Length; i++)
        {
            texts[i] = actions[i].Text!;
        }

        CandidateRanking ranking = await _engine.RankAsync(user, new RequestContext(context.Text), texts, cancellationToken).ConfigureAwait(false);
        double[] scores = new double[actions.Length];
        foreach (RankedCandidate candidate in ranking.Candidates)
        {
            // A score that is not a finite number teaches nothing (and the decision's codec does not check it again).
            scores[candidate.Index] = double.IsFinite(candidate.Score) ? candidate.Score : 0.0;
        }

        return scores;
    }

    /// <summary>The name of the feature that carries the user's stated-preference score of an action.</summary>
    internal const string PreferenceScoreFeature = "penchant.preference";

    /// <summary>Reads the user's policy as the log stands: the one kept in memory when it is at the log's position, else read back from its snapshot and the log after it.</summary>
    /// <remarks>The policy returned is shared: read it under its lock, never change it.</remarks>
    private async Task<PolicyState> ReadPolicyAsync(UserKey user, CancellationToken cancellationToken)
    {
        await _states.EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        UserSnapshot snapshot = await _states.GetAsync(user, cancellationToken).ConfigureAwait(false);
        if (_policies.Find(user, snapshot.State.Position) is { } cached)
        {
            return cached;
        }

        (PolicyState state, LogPosition position) = await _updater.LoadAsync(user, cancellationToken).ConfigureAwait(false);
        _policies.Put(user, state, position);
        return state;
    }

    private string NewDecisionId() => "dc_" + Guid.CreateVersion7(_time.GetUtcNow()).ToString("N");

    /// <summary>A seeded <see cref="Random"/> safe to share between threads.</summary>
    private sealed class LockedRandom(int seed) : Random
    {
        private readonly Random _inner = new(seed);
        private readonly Lock _lock = new();

        public override double NextDouble()
        {
            lock (_lock)
            {
                return _inner.NextDouble();
            }
        }

        public override int Next(int maxValue)
        {
            lock (_lock)
            {
                return _inner.Next(maxValue);
            }
        }

        protected override double Sample() => NextDouble();
    }
}
