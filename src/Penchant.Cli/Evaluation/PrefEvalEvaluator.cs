using Penchant.Domain;
using Penchant.Signals;

namespace Penchant.Cli.Evaluation;

/// <summary>
/// Runs PrefEval explicit preferences: for each item a fresh user observes, in one call, the preference turn, a fixed
/// acknowledgement and the filler turns; then the engine selects for the question. A hit is a selected preference
/// whose sources include the event of the preference turn.
/// </summary>
internal static class PrefEvalEvaluator
{
    /// <summary>The assistant's reply to the preference turn (PrefEval's own acknowledgements vary; a fixed neutral one keeps runs comparable).</summary>
    public const string Acknowledgement = "Got it — I'll keep that in mind.";

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
        foreach (SelectedPreference preference in selection.Preferences.OrderByDescending(static p => p.Probability))
        {
            bool hit = preferenceEvent is not null && preference.Sources.Contains(preferenceEvent, StringComparer.Ordinal);
            selected.Add(new SelectedStatement(preference.Preference.Text, preference.Probability, hit ? [0] : [], hit));
        }

        bool hit1 = selected.Count > 0 && selected[0].IsCorrect;
        bool hit5 = selected.Take(5).Any(static s => s.IsCorrect);
        return new PrefEvalItemResult(item, selected, hit1, hit5);
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

/// <summary>The outcome of one PrefEval item.</summary>
/// <param name="Item">The item.</param>
/// <param name="Selected">What was selected, most probable first; <see cref="SelectedStatement.IsCorrect"/> marks hits.</param>
/// <param name="Hit1">Whether the most probable selection is the preference.</param>
/// <param name="Hit5">Whether one of the five most probable is.</param>
internal sealed record PrefEvalItemResult(PrefEvalItem Item, IReadOnlyList<SelectedStatement> Selected, bool Hit1, bool Hit5)
{
    /// <summary>Gets the number of selected preferences that are hits.</summary>
    public int Hits => Selected.Count(static s => s.IsCorrect);
}

/// <summary>Micro-averaged PrefEval counts.</summary>
internal sealed class PrefEvalTally
{
    public int Items { get; private set; }

    public int Hit1 { get; private set; }

    public int Hit5 { get; private set; }

    public int Selected { get; private set; }

    public int Hits { get; private set; }

    public double Hit1Rate => Items == 0 ? 0 : (double)Hit1 / Items;

    public double Hit5Rate => Items == 0 ? 0 : (double)Hit5 / Items;

    /// <summary>Gets hits / selected over all items (0 when nothing was selected).</summary>
    public double Precision => Selected == 0 ? 0 : (double)Hits / Selected;

    public double MeanSelected => Items == 0 ? 0 : (double)Selected / Items;

    public void Add(PrefEvalItemResult result)
    {
        Items++;
        Hit1 += result.Hit1 ? 1 : 0;
        Hit5 += result.Hit5 ? 1 : 0;
        Selected += result.Selected.Count;
        Hits += result.Hits;
    }
}

/// <summary>The result of <c>penchant eval prefeval</c>.</summary>
/// <param name="Turns">The number of filler pairs.</param>
/// <param name="Overall">All items.</param>
/// <param name="Topics">Per topic, ordinal by name.</param>
/// <param name="Misses">The items whose most probable selection is not the preference.</param>
internal sealed record PrefEvalReport(
    int Turns,
    PrefEvalTally Overall,
    IReadOnlyList<KeyValuePair<string, PrefEvalTally>> Topics,
    IReadOnlyList<PrefEvalItemResult> Misses)
{
    /// <summary>Tallies item results overall and per topic; the misses are the items without a hit at 1.</summary>
    public static PrefEvalReport From(int turns, IReadOnlyList<PrefEvalItemResult> results)
    {
            var overall = new PrefEvalTally();
            var topics = new SortedDictionary<string, PrefEvalTally>(StringComparer.Ordinal);
            var misses = new List<PrefEvalItemResult>();
            foreach (PrefEvalItemResult result in results)
            {
                overall.Add(result);
                if (!topics.TryGetValue(result.Item.Topic, out PrefEvalTally? tally))
                {
                    tally = new PrefEvalTally();
                    topics.Add(result.Item.Topic, tally);
                }

                tally.Add(result);
                if (!result.Hit1)
                {
                    misses.Add(result);
                }
            }

        return new PrefEvalReport(turns, overall, [.. topics], misses);
    }
}
