using Microsoft.Extensions.Options;
using Penchant.Deciding;
using Penchant.Numerics;
using Penchant.Signals;
using Penchant.Signals.Codecs;

namespace Penchant.Learning.Exploration;

/// <summary>
/// The decision policy as a learner: a decision waits for its rewards (from its activation if deferred); the first reward
/// of each slot within <see cref="DecidingOptions.RewardWait"/> updates the regressor with that slot's features; a slot
/// whose reward never comes is given <see cref="DecidingOptions.DefaultReward"/> once the wait has passed, measured on
/// the log's own clock (the time of each later entry), so a replay reaches the same state.
/// </summary>
/// <remarks>
/// The policy is parsed once per write, not once per entry: the learner keeps the policy it last wrote in the
/// <see cref="PolicyCache"/> beside the bytes it wrote, and takes a copy of it when the store holds those same bytes.
/// </remarks>
internal sealed class DecisionLearner(DecisionFeaturizer featurizer, IOptions<DecidingOptions> options, PolicyCache policies) : ILearner
{
    private readonly DecidingOptions _options = options.Value;

    public bool Reads(EventKind kind)
        => kind == DecisionCodec.DecisionKind || kind == RewardCodec.RewardKind || kind == ActivationCodec.ActivationKind;

    public async ValueTask LearnAsync(LearningContext context, PreferenceEvent entry, CancellationToken cancellationToken)
    {
        PassState pass = context.PassState<PassState>();
        if (pass.State is null)
        {
            ReadOnlyMemory<byte>? payload = await context.Models.GetAsync(PolicyState.ModelName, cancellationToken).ConfigureAwait(false);
            pass.State = payload is { Length: > 0 } bytes && policies.Find(context.User, bytes.Span) is { } shared
                ? shared.Clone()
                : Parse(payload, featurizer.Dimensions, _options.Ridge);
        }
        else if (pass.Shared)
        {
            // The policy left by the previous entry of this pass is shared now; change a copy.
            pass.State = pass.State.Clone();
        }

        pass.Shared = false;
        PolicyState state = pass.State;
        if (entry.Kind == DecisionCodec.DecisionKind)
        {
            Expire(state, entry.At);
            if (context.Decode<Decision>(entry) is { } decision)
            {
                await AddAsync(state, decision, entry.At, cancellationToken).ConfigureAwait(false);
            }
        }
        else if (entry.Kind == RewardCodec.RewardKind)
        {
            if (context.Decode<Reward>(entry) is { } reward)
            {
                Learn(state, reward, entry.At);
            }

            Expire(state, entry.At);
        }
        else if (context.Decode<Activation>(entry) is { } activation)
        {
            if (state.Pending.TryGetValue(activation.DecisionId, out PendingDecision? pending) && pending.ActiveAt is null)
            {
                pending.ActiveAt = entry.At;
                state.Decisions++;
            }

            Expire(state, entry.At);
        }

        byte[] written = state.Serialize();
        context.Models.Set(PolicyState.ModelName, written);
        policies.Put(context.User, written, state);
        pass.Shared = true;
    }

    /// <summary>Parses a stored policy, or starts a fresh one when there is none or it has features of another size.</summary>
    internal static PolicyState Parse(ReadOnlyMemory<byte>? payload, int dimensions, double ridge)
    {
        if (payload is { Length: > 0 } bytes)
        {
            try
            {
                PolicyState stored = PolicyState.Deserialize(bytes);
                if (stored.Regression.Dimensions == dimensions)
                {
                    return stored;
                }
            }
            catch (InvalidDataException)
            {
                // A part this version cannot read is rebuilt from the log by the next rebuild; until then, start afresh.
            }
        }

        return new PolicyState(new BayesianLinearRegression(dimensions, ridge));
    }

    private async ValueTask AddAsync(PolicyState state, Decision decision, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (state.Pending.ContainsKey(decision.DecisionId))
        {
            return;
        }

        int d = featurizer.Dimensions;
        var featurized = new List<DecisionAction>(decision.Slate.Count + 1);
        foreach (int index in decision.Slate)
        {
            featurized.Add(decision.Actions[index]);
        }

        bool agreed = decision.LearnedIndex == decision.Slate[0];
        if (decision.Apprentice && !agreed)
        {
            featurized.Add(decision.Actions[decision.LearnedIndex]);
        }

        double[] vectors = await featurizer.FeaturizeAsync(decision.Context, featurized, cancellationToken).ConfigureAwait(false);
        var slots = new (int, double)[decision.Slate.Count][];
        for (int s = 0; s < slots.Length; s++)
        {
            slots[s] = PendingDecision.Sparse(vectors.AsSpan(s * d, d));
        }

        double learnedPrediction = decision.Apprentice && !agreed ? state.Regression.Predict(vectors.AsSpan(slots.Length * d, d)) : 0;
        state.Pending[decision.DecisionId] = new PendingDecision
        {
            Order = state.NextOrder++,
            DecidedAt = at,
            ActiveAt = decision.Deferred ? null : at,
            Slots = slots,
            Rewarded = new bool[slots.Length],
            Apprentice = decision.Apprentice,
            Agreed = agreed,
            LearnedPrediction = learnedPrediction,
        };
        if (!decision.Deferred)
        {
            state.Decisions++;
        }

        if (state.Pending.Count > _options.MaxPendingDecisions)
        {
            string oldest = string.Empty;
            long order = long.MaxValue;
            foreach ((string id, PendingDecision pending) in state.Pending)
            {
                if (pending.Order < order)
                {
                    order = pending.Order;
                    oldest = id;
                }
            }

            Close(state, oldest, state.Pending[oldest]);
        }
    }

    private void Learn(PolicyState state, Reward reward, DateTimeOffset at)
    {
        if (!state.Pending.TryGetValue(reward.DecisionId, out PendingDecision? pending)
            || pending.ActiveAt is not { } active
            || reward.Slot >= pending.Slots.Length
            || pending.Rewarded[reward.Slot]
            || at > active + _options.RewardWait)
        {
            return;
        }

        double[] dense = new double[state.Regression.Dimensions];
        PendingDecision.Dense(pending.Slots[reward.Slot], dense);
        state.Regression.Update(dense, reward.Value);
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
            DateTimeOffset start = pending.ActiveAt ?? pending.DecidedAt;
            if (start + _options.RewardWait < now)
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
        for (int s = 0; s < pending.Slots.Length; s++)
        {
            if (pending.Rewarded[s])
            {
                continue;
            }

            PendingDecision.Dense(pending.Slots[s], dense);
            state.Regression.Update(dense, _options.DefaultReward);
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

    /// <summary>The policy as this pass over the log has left it, parsed once per pass.</summary>
    private sealed class PassState
    {
        public PolicyState? State { get; set; }

        /// <summary>Gets or sets a value indicating whether <see cref="State"/> is in the <see cref="PolicyCache"/> (not to be changed).</summary>
        public bool Shared { get; set; }
    }
}
