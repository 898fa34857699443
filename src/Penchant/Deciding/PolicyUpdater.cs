using Microsoft.Extensions.Options;
using Penchant.Domain;
using Penchant.Numerics;
using Penchant.Signals;
using Penchant.Signals.Codecs;
using Penchant.Storage;

namespace Penchant.Deciding;

/// <summary>
/// Changes a user's policy by one log entry, and reads a policy back from its snapshot and the log after it. A decision
/// waits for its rewards (from its activation if deferred); the first reward of each slot within
/// <see cref="DecidingOptions.RewardWait"/> updates the regressor with that slot's features; a slot whose reward never
/// comes is given <see cref="DecidingOptions.DefaultReward"/> once the wait has passed, measured on the log's own clock
/// (the time of each later entry), so a replay reaches the same state.
/// </summary>
/// <remarks>
/// Thread-safe. The policy is changed under a lock on it (the decider reads it under the same lock); everything that
/// waits (features, a waiting decision read back from the log) is done before the lock is taken. One writer per user at
/// a time: the engine serializes a user's writes.
/// </remarks>
internal sealed class PolicyUpdater(DecisionFeaturizer featurizer, IOptions<DecidingOptions> options, UserStateCache states, SignalCodecs codecs)
{
    private readonly DecidingOptions _options = options.Value;

    /// <summary>Gets a policy that has learned nothing.</summary>
    public PolicyState Fresh() => new(new BayesianLinearRegression(featurizer.Dimensions, _options.Ridge));

    /// <summary>Parses a snapshot, or starts a fresh policy when there is none, it is of another format, or of features of another size.</summary>
    public PolicyState Parse(ReadOnlyMemory<byte>? payload)
    {
        if (payload is { Length: > 0 } bytes)
        {
            try
            {
                PolicyState stored = PolicyState.Deserialize(bytes);
                if (stored.Regression.Dimensions == featurizer.Dimensions)
                {
                    return stored;
                }
            }
            catch (InvalidDataException)
            {
                // A snapshot this version cannot read: the policy is rebuilt from the whole log instead.
            }
        }

        return Fresh();
    }

    /// <summary>
    /// Reads a user's policy as the log stands: the last snapshot, then every entry after the one it names. A snapshot
    /// whose entry is no longer in the log (or that cannot be read) is ignored and the whole log replayed.
    /// </summary>
    /// <returns>The policy and the log position it reflects.</returns>
    public async Task<(PolicyState State, LogPosition Position)> LoadAsync(UserKey user, CancellationToken cancellationToken)
    {
        await states.EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        IPreferenceStore store = states.Store;
        StoredModel? stored = await store.GetUserModelAsync(user, PolicyState.ModelName, cancellationToken).ConfigureAwait(false);
        PolicyState state = Parse(stored?.Payload);
        long after = 0;
        LogPosition position = default;
        if (state.AsOf is { } asOf)
        {
            IReadOnlyList<PreferenceEvent> found = await store.FindEventsAsync(user, [asOf], cancellationToken).ConfigureAwait(false);
            if (found.Count == 1)
            {
                after = found[0].Sequence;
                state.SnapshotAt = found[0].At;
                position = new LogPosition(found[0].Sequence, found[0].Id);
            }
            else
            {
                state = Fresh();
            }
        }

        // Read first, then learn: learning may read a waiting decision back from the store.
        var tail = new List<PreferenceEvent>();
        await foreach (PreferenceEvent entry in store.ReadEventsAsync(user, after, cancellationToken).ConfigureAwait(false))
        {
            tail.Add(entry);
        }

        foreach (PreferenceEvent entry in tail)
        {
            position = new LogPosition(entry.Sequence, entry.Id);
            if (entry.Text is not null && !entry.Redacted && Reads(entry.Kind))
            {
                await ApplyAsync(user, state, entry, codecs.Decode(entry), cancellationToken).ConfigureAwait(false);
                state.SinceSnapshot++;
            }
        }

        // Read from the log: every action set the tail carried is there.
        state.ConfirmActionSets();
        return (state, position);
    }

    /// <summary>Gets a value indicating whether entries of a kind change the policy.</summary>
    public static bool Reads(EventKind kind)
        => kind == DecisionCodec.DecisionKind || kind == RewardCodec.RewardKind || kind == ActivationCodec.ActivationKind;

    /// <summary>Learns one entry of the log (decoded as <paramref name="signal"/>); the last learned entry becomes the policy's <see cref="PolicyState.AsOf"/>.</summary>
    public async ValueTask ApplyAsync(UserKey user, PolicyState state, PreferenceEvent entry, Signal? signal, CancellationToken cancellationToken)
    {
        DateTimeOffset at = entry.At;
        if (signal is Decision { NeedsActions: true } byReference)
        {
            // Read back by reference: its actions are in the set it names (a decision whose set cannot be found teaches nothing).
            signal = await ResolveAsync(user, state, byReference, cancellationToken).ConfigureAwait(false);
        }

        if (signal is Decision { CarriesActionSet: true, SetActions: { } carried } carrier)
        {
            lock (state)
            {
                if (state.FindActionSet(carrier.ActionSetId!) is null)
                {
                    state.RememberActionSet(new ActionSetEntry(carrier.ActionSetId!, carrier.DecisionId, [.. carried]));
                }
            }
        }

        // Waits first, outside the lock: the new decision's features, and those of every waiting decision this entry closes.
        Slots? added = signal is Decision decision && !state.Pending.ContainsKey(decision.DecisionId)
            ? await SlotsAsync(state, decision, predict: true, cancellationToken).ConfigureAwait(false)
            : null;
        if (signal is Reward reward && state.Pending.TryGetValue(reward.DecisionId, out PendingDecision? rewarded))
        {
            await EnsureSlotsAsync(user, state, reward.DecisionId, rewarded, cancellationToken).ConfigureAwait(false);
        }

        foreach ((string id, PendingDecision pending) in state.Pending)
        {
            if (Expires(pending, at))
            {
                await EnsureSlotsAsync(user, state, id, pending, cancellationToken).ConfigureAwait(false);
            }
        }

        string? evicted = null;
        if (added is not null && state.Pending.Count >= _options.MaxPendingDecisions)
        {
            evicted = Oldest(state, at);
            if (evicted is not null)
            {
                await EnsureSlotsAsync(user, state, evicted, state.Pending[evicted], cancellationToken).ConfigureAwait(false);
            }
        }

        lock (state)
        {
            switch (signal)
            {
                case Decision d:
                    Expire(state, at);
                    if (added is not null)
                    {
                        Add(state, d, added, at);
                    }

                    if (evicted is not null && state.Pending.TryGetValue(evicted, out PendingDecision? oldest))
                    {
                        Close(state, evicted, oldest);
                    }

                    break;
                case Reward r:
                    Learn(state, r, at);
                    Expire(state, at);
                    break;
                case Activation a:
                    if (state.Pending.TryGetValue(a.DecisionId, out PendingDecision? activated) && activated.ActiveAt is null)
                    {
                        activated.ActiveAt = at;
                        state.Decisions++;
                    }

                    Expire(state, at);
                    break;
                default:
                    Expire(state, at);
                    break;
            }

            state.AsOf = entry.Id;
        }
    }

    /// <summary>The waiting decision with the lowest order that the entry at <paramref name="at"/> does not expire anyway.</summary>
    private string? Oldest(PolicyState state, DateTimeOffset at)
    {
        string? oldest = null;
        long order = long.MaxValue;
        int expiring = 0;
        foreach ((string id, PendingDecision pending) in state.Pending)
        {
            if (Expires(pending, at))
            {
                expiring++;
            }
            else if (pending.Order < order)
            {
                order = pending.Order;
                oldest = id;
            }
        }

        return state.Pending.Count - expiring >= _options.MaxPendingDecisions ? oldest : null;
    }

    private bool Expires(PendingDecision pending, DateTimeOffset now) => (pending.ActiveAt ?? pending.DecidedAt) + _options.RewardWait < now;

    /// <summary>
    /// Finds the actions of a decision read back by reference to its action set: in the policy's memory, else in the log
    /// entry of the decision that carries the set. The decision as it was made, or <see langword="null"/> when the set is
    /// not found (or does not match: another set, or another number of actions).
    /// </summary>
    public async ValueTask<Decision?> ResolveAsync(UserKey user, PolicyState? state, Decision decision, CancellationToken cancellationToken)
    {
        if (!decision.NeedsActions)
        {
            return decision;
        }

        string setId = decision.ActionSetId!;
        if (state is not null)
        {
            lock (state)
            {
                if (state.FindActionSet(setId) is { } known)
                {
                    return decision.WithActionSet(known.Actions);
                }
            }
        }

        if (decision.CarrierId is not { } carrierId)
        {
            return null;
        }

        await states.EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        IReadOnlyList<PreferenceEvent> found = await states.Store.FindEventsAsync(user, [Decider.EventIdOf(carrierId)], cancellationToken).ConfigureAwait(false);
        if (found.Count != 1 || found[0].Redacted || codecs.Decode<Decision>(found[0]) is not { CarriesActionSet: true, SetActions: { } set } carrier
            || !string.Equals(carrier.ActionSetId, setId, StringComparison.Ordinal))
        {
            return null;
        }

        return decision.WithActionSet(set);
    }

    /// <summary>Reads a waiting decision's slate features back from the log, when the policy came from a snapshot.</summary>
    private async ValueTask EnsureSlotsAsync(UserKey user, PolicyState state, string decisionId, PendingDecision pending, CancellationToken cancellationToken)
    {
        if (pending.Slots is not null)
        {
            return;
        }

        IReadOnlyList<PreferenceEvent> found = await states.Store.FindEventsAsync(user, [Decider.EventIdOf(decisionId)], cancellationToken).ConfigureAwait(false);
        Decision? decision = found.Count == 1 && codecs.Decode<Decision>(found[0]) is { } read
            ? await ResolveAsync(user, state, read, cancellationToken).ConfigureAwait(false)
            : null;
        pending.Slots = decision is not null && decision.Slate.Count == pending.Rewarded.Length
            ? (await SlotsAsync(state, decision, predict: false, cancellationToken).ConfigureAwait(false)).Vectors
            : []; // Not in the log any more: the decision closes without teaching anything.
    }

    /// <summary>The sparse feature vectors of a decision's slate, and (apprentice mode, learned choice not taken) the prediction for the learned choice.</summary>
    private async ValueTask<Slots> SlotsAsync(PolicyState state, Decision decision, bool predict, CancellationToken cancellationToken)
    {
        int d = featurizer.Dimensions;
        var featurized = new List<DecisionAction>(decision.Slate.Count + 1);
        foreach (int index in decision.Slate)
        {
            featurized.Add(decision.Actions[index]);
        }

        bool agreed = decision.LearnedIndex == decision.Slate[0];
        predict = predict && decision.Apprentice && !agreed;
        if (predict)
        {
            featurized.Add(decision.Actions[decision.LearnedIndex]);
        }

        double[] vectors = await featurizer.FeaturizeAsync(decision.Context, featurized, state.Texts, cancellationToken).ConfigureAwait(false);
        var slots = new (int, double)[decision.Slate.Count][];
        for (int s = 0; s < slots.Length; s++)
        {
            slots[s] = PendingDecision.Sparse(vectors.AsSpan(s * d, d));
        }

        return new Slots(slots, agreed, predict ? vectors[(slots.Length * d)..] : null);
    }

    private void Add(PolicyState state, Decision decision, Slots slots, DateTimeOffset at)
    {
        state.Pending[decision.DecisionId] = new PendingDecision
        {
            Order = state.NextOrder++,
            DecidedAt = at,
            ActiveAt = decision.Deferred ? null : at,
            Slots = slots.Vectors,
            Rewarded = new bool[slots.Vectors.Length],
            Apprentice = decision.Apprentice,
            Agreed = slots.Agreed,
            LearnedPrediction = slots.Learned is { } learned ? state.Regression.Predict(learned) : 0,
        };
        if (!decision.Deferred)
        {
            state.Decisions++;
        }
    }

    private void Learn(PolicyState state, Reward reward, DateTimeOffset at)
    {
        if (!state.Pending.TryGetValue(reward.DecisionId, out PendingDecision? pending)
            || pending.ActiveAt is not { } active
            || reward.Slot >= pending.Rewarded.Length
            || pending.Rewarded[reward.Slot]
            || at > active + _options.RewardWait)
        {
            return;
        }

        if (pending.Slots is { Length: > 0 } slots)
        {
            double[] dense = new double[state.Regression.Dimensions];
            PendingDecision.Dense(slots[reward.Slot], dense);
            state.Regression.Update(dense, reward.Value);
        }

        pending.Rewarded[reward.Slot] = true;
        if (reward.Slot == 0)
        {
            state.Rewarded++;
            Closed(state, pending, reward.Value);
        }

        if (Array.TrueForAll(pending.Rewarded, static r => r))
        {
            state.Pending.Remove(reward.DecisionId);
        }
    }

    /// <summary>Gives every decision whose wait has passed the default reward for the slots still unrewarded; drops deferred ones never activated.</summary>
    private void Expire(PolicyState state, DateTimeOffset now)
    {
        List<string>? expired = null;
        foreach ((string id, PendingDecision pending) in state.Pending)
        {
            if (Expires(pending, now))
            {
                (expired ??= []).Add(id);
            }
        }

        if (expired is null)
        {
            return;
        }

        foreach (string id in expired)
        {
            Close(state, id, state.Pending[id]);
        }
    }

    private void Close(PolicyState state, string id, PendingDecision pending)
    {
        state.Pending.Remove(id);
        if (pending.ActiveAt is null)
        {
            return;
        }

        double[] dense = new double[state.Regression.Dimensions];
        for (int s = 0; s < pending.Rewarded.Length; s++)
        {
            if (pending.Rewarded[s])
            {
                continue;
            }

            if (pending.Slots is { Length: > 0 } slots)
            {
                PendingDecision.Dense(slots[s], dense);
                state.Regression.Update(dense, _options.DefaultReward);
            }

            if (s == 0)
            {
                state.Defaulted++;
                Closed(state, pending, _options.DefaultReward);
            }
        }
    }

    private static void Closed(PolicyState state, PendingDecision pending, double reward)
    {
        state.RewardSum += reward;
        if (pending.Apprentice)
        {
            state.ApprenticeClosed++;
            state.DefaultValueSum += reward;
            if (pending.Agreed)
            {
                state.Agreements++;
                state.LearnedValueSum += reward;
            }
            else
            {
                state.LearnedValueSum += pending.LearnedPrediction;
            }
        }
    }

    /// <summary>A decision's slate features, whether the learned policy agreed, and the learned choice's features when it did not (apprentice mode).</summary>
    private sealed record Slots((int Index, double Value)[][] Vectors, bool Agreed, double[]? Learned);
}
