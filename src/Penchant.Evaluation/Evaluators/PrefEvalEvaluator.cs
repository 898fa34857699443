using Penchant.Domain;
using Penchant.Evaluation.Datasets;
using Penchant.Evaluation.Metrics;
using Penchant.Signals;

namespace Penchant.Evaluation.Evaluators;

/// <summary>
/// Runs PrefEval explicit preferences: for each item a fresh user observes, in one call, the preference turn, a fixed
/// acknowledgement and the filler turns; then the engine selects for the question. A hit is a selected preference
/// whose sources include the event of the preference turn.
/// </summary>
public static class PrefEvalEvaluator
{
    /// <summary>The assistant's reply to the preference turn (PrefEval's own acknowledgements vary; a fixed neutral one keeps runs comparable).</summary>
    public const string Acknowledgement = PrefEvalData.Acknowledgement;

    /// <summary>Runs the items.</summary>
    /// <param name="engine">The engine (one for all items).</param>
    /// <param name="tenant">The tenant the evaluation users live in.</param>
    /// <param name="items">The items.</param>
    /// <param name="filler">The filler turns, shared by every item.</param>
    /// <param name="parallelism">How many items run at once.</param>
    /// <param name="progress">Told the number of finished items.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The report.</returns>
    public static async Task<PrefEvalReport> RunAsync(
        IPenchant engine,
        string tenant,
        IReadOnlyList<PrefEvalItem> items,
        IReadOnlyList<ConversationTurn> filler,
        int parallelism,
        IProgress<int>? progress,
        CancellationToken cancellationToken)
    {
        string run = Guid.NewGuid().ToString("N")[..8];
        var acknowledgement = new ConversationTurn(ConversationTurn.AssistantRole, Acknowledgement);
        var results = new PrefEvalItemResult[items.Count];
        int finished = 0;

        await Parallel.ForEachAsync(
            Enumerable.Range(0, items.Count),
            new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
            async (i, token) =>
            {
                UserKey user = UserKey.Create(tenant, $"eval-prefeval-{run}-{i}");
                results[i] = await RunItemAsync(engine, user, items[i], acknowledgement, filler, token);
                progress?.Report(Interlocked.Increment(ref finished));
            });

        return PrefEvalReport.From(filler.Count / 2, results);
    }

    private static async Task<PrefEvalItemResult> RunItemAsync(
        IPenchant engine,
        UserKey user,
        PrefEvalItem item,
        ConversationTurn acknowledgement,
        IReadOnlyList<ConversationTurn> filler,
        CancellationToken cancellationToken)
    {
        var turns = new ConversationTurn[filler.Count + 2];
        turns[0] = new ConversationTurn(ConversationTurn.UserRole, item.Preference);
        turns[1] = acknowledgement;
        for (int i = 0; i < filler.Count; i++)
        {
            turns[i + 2] = filler[i];
        }

        WriteResult written = await engine.ObserveAsync(user, turns, cancellationToken);
        string? preferenceEvent = PreferenceEventId(written.Events, item.Preference);

        Selection selection = await engine.SelectAsync(user, new RequestContext(item.Question), cancellationToken);
        var selected = new List<SelectedStatement>(selection.Preferences.Count);
        foreach (SelectedPreference preference in RankedHits.ByScoreDescending(selection.Preferences, static p => p.Probability))
        {
            bool hit = preferenceEvent is not null && preference.Sources.Contains(preferenceEvent, StringComparer.Ordinal);
            selected.Add(new SelectedStatement(preference.Preference.Text, preference.Probability, hit ? [0] : [], hit));
        }

        return PrefEvalItemResult.Score(item, selected);
    }

    // The events come back in turn order; the preference turn's is the first, and its text is the preference.
    private static string? PreferenceEventId(IReadOnlyList<PreferenceEvent> events, string preference)
    {
        foreach (PreferenceEvent appended in events)
        {
            if (string.Equals(appended.Text, preference, StringComparison.Ordinal))
            {
                return appended.Id;
            }
        }

        return events.Count > 0 ? events[0].Id : null;
    }
}
