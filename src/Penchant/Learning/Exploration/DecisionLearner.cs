using Microsoft.Extensions.Options;
using Penchant.Deciding;
using Penchant.Domain;
using Penchant.Signals;
using Penchant.Signals.Codecs;

namespace Penchant.Learning.Exploration;

/// <summary>
/// The decision policy as a learner: decisions, rewards and activations change the user's policy
/// (<see cref="PolicyUpdater"/>). The policy lives in memory (<see cref="PolicyCache"/>) and is written as a snapshot only
/// every <see cref="DecidingOptions.SnapshotInterval"/> entries or once <see cref="DecidingOptions.SnapshotAge"/> of log
/// time has passed since the last one, in the same commit as the entry it is taken at: the log stays the truth, and a
/// policy is read back as its last snapshot plus the entries after it.
/// </summary>
/// <remarks>
/// A write changes the cached policy in place when the cache holds it at the position the write was planned from;
/// otherwise the policy is read back first. If the write does not commit, the changed policy is dropped from the cache.
/// </remarks>
internal sealed class DecisionLearner(PolicyUpdater updater, PolicyCache policies, IOptions<DecidingOptions> options) : ILearner
{
    private readonly DecidingOptions _options = options.Value;

    public bool Reads(EventKind kind) => PolicyUpdater.Reads(kind);

    public async ValueTask LearnAsync(LearningContext context, PreferenceEvent entry, CancellationToken cancellationToken)
    {
        PassState pass = context.PassState<PassState>();
        if (pass.State is null)
        {
            UserKey user = context.User;
            PolicyState? state = context.IsReplay ? null : policies.TakeForWrite(user, context.Position);
            if (state is null)
            {
                state = context.IsReplay ? updater.Fresh() : (await updater.LoadAsync(user, cancellationToken).ConfigureAwait(false)).State;
                policies.BeginWrite(user, state);
            }

            pass.State = state;
            context.OnCompleted(position =>
            {
                if (position is not null)
                {
                    // The write committed: the action sets its decisions carried are in the log, and later decisions may name them.
                    lock (state)
                    {
                        state.ConfirmActionSets();
                    }
                }

                policies.EndWrite(user, state, position);
            });
        }

        PolicyState policy = pass.State;
        Signal? signal = entry.Kind == DecisionCodec.DecisionKind ? context.Decode<Decision>(entry)
            : entry.Kind == RewardCodec.RewardKind ? context.Decode<Reward>(entry)
            : context.Decode<Activation>(entry);
        await updater.ApplyAsync(context.User, policy, entry, signal, cancellationToken).ConfigureAwait(false);
        policy.SinceSnapshot++;
        if (policy.SinceSnapshot >= _options.SnapshotInterval
            || policy.SnapshotAt is not { } last
            || entry.At - last >= _options.SnapshotAge)
        {
            byte[] snapshot;
            lock (policy)
            {
                snapshot = policy.Serialize();
            }

            context.Models.Set(PolicyState.ModelName, snapshot);
            policy.SinceSnapshot = 0;
            policy.SnapshotAt = entry.At;
        }
    }

    /// <summary>The policy this pass changes.</summary>
    private sealed class PassState
    {
        public PolicyState? State { get; set; }
    }
}
