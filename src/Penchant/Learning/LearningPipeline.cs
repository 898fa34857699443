using Penchant.Domain;
using Penchant.Signals;
using Penchant.Storage;

namespace Penchant.Learning;

/// <summary>Runs entries of a user's log through the registered learners, in order, and turns what they changed into a <see cref="UserChange"/>.</summary>
/// <remarks>Thread-safe: every pass has its own working state.</remarks>
internal sealed class LearningPipeline(IEnumerable<ILearner> learners, SignalCodecs codecs, IPreferenceStore store)
{
    private readonly ILearner[] _learners = [.. learners];

    /// <summary>Learns from new entries on top of the user's current state, or (for a replay) from the whole log on an empty one.</summary>
    /// <param name="user">The user.</param>
    /// <param name="state">The state to start from; ignored for a replay, which starts empty.</param>
    /// <param name="entries">The entries, oldest first.</param>
    /// <param name="replay">Whether the entries are the whole log being replayed.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The working preferences and models after the pass.</returns>
    public async Task<LearningPass> RunAsync(UserKey user, UserState state, IReadOnlyList<PreferenceEvent> entries, bool replay, CancellationToken cancellationToken)
    {
        var preferences = new WorkingPreferences(replay ? [] : state.Preferences);
        var models = new UserModels(replay ? null : (name, ct) => store.GetUserModelAsync(user, name, ct));
        var context = new LearningContext(user, replay, preferences, models, codecs);
        foreach (PreferenceEvent entry in entries)
        {
            if (entry.Text is null || entry.Redacted)
            {
                continue;
            }

            foreach (ILearner learner in _learners)
            {
                if (learner.Reads(entry.Kind))
                {
                    await learner.LearnAsync(context, entry, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        return new LearningPass(preferences, models);
    }
}

/// <summary>What one pass of the learners produced.</summary>
/// <param name="Preferences">The working preferences.</param>
/// <param name="Models">The user's model parts.</param>
internal sealed record LearningPass(WorkingPreferences Preferences, UserModels Models);
