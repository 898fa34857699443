using Penchant.Domain;
using Penchant.Signals;
using Penchant.Signals.Codecs;
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
    /// <param name="written">The signals some of the entries were just encoded from, by entry (compared by reference), for learners to read without a parse (<see cref="SignalCodec.AsWritten"/>).</param>
    /// <returns>The working preferences and models after the pass.</returns>
    public async Task<LearningPass> RunAsync(UserKey user, UserState state, IReadOnlyList<PreferenceEvent> entries, bool replay, CancellationToken cancellationToken, IReadOnlyDictionary<PreferenceEvent, Signal>? written = null)
    {
        var preferences = new WorkingPreferences(replay ? [] : state.Preferences);
        var models = new UserModels(replay ? null : (name, ct) => store.GetUserModelAsync(user, name, ct));
        var context = new LearningContext(user, replay, preferences, models, codecs, state.Position, written);
        try
        {
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

                CarryFromSignal(preferences, entry);
            }
        }
        catch
        {
            // The pass is abandoned before it could be committed.
            foreach (Action<LogPosition?> completed in context.Completions)
            {
                completed(null);
            }

            throw;
        }

        return new LearningPass(preferences, models) { Completions = context.Completions };
    }

    /// <summary>
    /// Gives the preferences an entry just produced or said again the entry's metadata and expiry, whatever learner made
    /// them: a preference that came only from this entry takes them as they are; one said again merges the metadata (the
    /// entry's keys win) and expires only if both did, at the later time. Deterministic, so a replay gives the same.
    /// </summary>
    private static void CarryFromSignal(WorkingPreferences preferences, PreferenceEvent entry)
    {
        List<Preference>? touched = null;
        foreach (Preference p in preferences.Changed.Values)
        {
            if (p.Sources.Count > 0 && string.Equals(p.Sources[^1], entry.Id, StringComparison.Ordinal))
            {
                (touched ??= []).Add(p);
            }
        }

        if (touched is null)
        {
            return;
        }

        // Editing a preference changes what the edit says; it does not make a temporary preference permanent.
        bool edit = entry.Kind == PreferenceEditCodec.EditKind;
        foreach (Preference p in touched)
        {
            bool onlyThis = p.Sources.Count == 1;
            Preference carried = onlyThis
                ? p with { Metadata = entry.Metadata, ExpiresAt = entry.ExpiresAt }
                : p with
                {
                    Metadata = PreferenceMetadata.Merge(p.Metadata, entry.Metadata),
                    ExpiresAt = edit ? entry.ExpiresAt ?? p.ExpiresAt
                        : p.ExpiresAt is { } was && entry.ExpiresAt is { } now ? (was > now ? was : now) : null,
                };
            if (!PreferenceMetadata.AreEqual(carried.Metadata, p.Metadata) || carried.ExpiresAt != p.ExpiresAt)
            {
                preferences.Update(carried);
            }
        }
    }
}

/// <summary>What one pass of the learners produced.</summary>
/// <param name="Preferences">The working preferences.</param>
/// <param name="Models">The user's model parts.</param>
internal sealed record LearningPass(WorkingPreferences Preferences, UserModels Models)
{
    /// <summary>Gets what learners asked to run once the pass's change is committed or abandoned.</summary>
    public IReadOnlyList<Action<LogPosition?>> Completions { get; init; } = [];

    /// <summary>Tells the learners the pass's change was committed (the log's new position) or abandoned (<see langword="null"/>).</summary>
    public void Complete(LogPosition? position)
    {
        foreach (Action<LogPosition?> completed in Completions)
        {
            completed(position);
        }
    }
}
