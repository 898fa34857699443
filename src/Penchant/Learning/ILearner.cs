using Penchant.Signals;

namespace Penchant.Learning;

/// <summary>
/// Learns from entries of a user's event log: each entry it reads changes the user's derived state (preferences, the
/// user's model parts) through a <see cref="LearningContext"/>. The same code runs when a signal is recorded and when the
/// log is replayed (<see cref="IPenchant.RebuildAsync"/>, <see cref="IPenchant.ImportAsync"/>), so everything a learner
/// derives can be rebuilt from the log.
/// </summary>
/// <remarks>
/// Register with <c>services.AddPenchant().AddLearner&lt;T&gt;()</c>; learners run in registration order. A learner must be
/// deterministic given the log and the tenant's models, must not write to the store itself, and must be thread-safe (one
/// instance serves every user).
/// </remarks>
public interface ILearner
{
    /// <summary>Gets a value indicating whether this learner reads entries of a kind.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns><see langword="true"/> to be given entries of <paramref name="kind"/>.</returns>
    bool Reads(EventKind kind);

    /// <summary>Learns from one entry (never a redacted one).</summary>
    /// <param name="context">The user's working state for this pass over the log.</param>
    /// <param name="entry">The entry.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the working state is updated.</returns>
    ValueTask LearnAsync(LearningContext context, PreferenceEvent entry, CancellationToken cancellationToken);
}
