using Penchant.Domain;
using Penchant.Evaluation.Datasets;
using Penchant.Signals;

namespace Penchant.Evaluation.Evaluators;

/// <summary>
/// Scoped verbal feedback in C3PO's three parts: each item's feedback is recorded for a fresh user (as a statement, a
/// conversation turn or a reaction to an answer), then every probe is selected for; the feedback's preference should fire
/// in scope and stay silent near and out of it. Items with a narrowing then say "not for …" and are probed again.
/// </summary>
public static class FeedbackEvaluator
{
    /// <summary>The splits a run can be limited to.</summary>
    public static readonly string[] Splits = ["all", "tune", "holdout"];

    private static readonly string[] Arrivals = ["statement", "turn", "reaction"];

    /// <summary>Reads and checks the items of a split.</summary>
    /// <param name="reader">JSON Lines of <see cref="FeedbackCase"/>.</param>
    /// <param name="source">The file name, for errors.</param>
    /// <param name="split"><c>all</c>, <c>tune</c> or <c>holdout</c>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The items of the split.</returns>
    /// <exception cref="EvaluationInputException">A line is malformed, an id repeats, or an item lacks its parts.</exception>
    public static async Task<IReadOnlyList<FeedbackCase>> ReadCasesAsync(TextReader reader, string source, string split, CancellationToken cancellationToken)
    {
        var cases = new List<FeedbackCase>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach ((int line, FeedbackCase item) in await DataFiles.ReadJsonLinesAsync(reader, FeedbackJsonContext.Default.FeedbackCase, source, cancellationToken))
        {
            if (!ids.Add(item.Id))
            {
                throw new EvaluationInputException($"{source}, line {line}: item id '{item.Id}' appears twice.");
            }

            if (!Arrivals.Contains(item.Arrives) || item.InScope.Count == 0 || string.IsNullOrWhiteSpace(item.Feedback)
                || (item.NotFor is null) != (item.Narrowed.Count == 0))
            {
                throw new EvaluationInputException($"{source}, line {line}: an item needs feedback, 'arrives' (statement, turn or reaction), in-scope probes, and 'not_for' exactly when it has 'narrowed' probes.");
            }

            if (split == "all" || string.Equals(item.Split, split, StringComparison.OrdinalIgnoreCase))
            {
                cases.Add(item);
            }
        }

        return cases;
    }

    /// <summary>Runs the items against an engine, one fresh user each.</summary>
    /// <param name="engine">The engine (real store and embeddings).</param>
    /// <param name="tenant">The tenant to create the users in.</param>
    /// <param name="cases">The items.</param>
    /// <param name="progress">Reports items done, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The report.</returns>
    public static async Task<FeedbackReport> RunAsync(IPenchant engine, string tenant, IReadOnlyList<FeedbackCase> cases, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(cases);
        string run = Guid.NewGuid().ToString("N")[..8];
        int none = 0;
        int[] inScope = new int[2], near = new int[2], outScope = new int[2], narrowed = new int[2], kept = new int[2];
        var misses = new List<string>();
        for (int i = 0; i < cases.Count; i++)
        {
            FeedbackCase item = cases[i];
            UserKey user = UserKey.Create(tenant, $"eval-feedback-{run}-{i}");
            WriteResult written = await engine.RecordAsync(user, [Signal(item)], null, cancellationToken);
            HashSet<string> ids = [.. written.Created.Select(static p => p.Id)];
            if (ids.Count == 0)
            {
                none++;
                misses.Add($"{item.Id} learned nothing ({item.Arrives})");
            }

            foreach (Preference p in written.Created)
            {
                misses.Add($"{item.Id} learned ({item.Arrives}): {p.Text} [scope: {p.Scope.Text ?? "-"}]");
            }

            await ProbeAsync(engine, user, item, ids, item.InScope, true, "in", inScope, misses, cancellationToken);
            await ProbeAsync(engine, user, item, ids, item.NearScope, false, "near", near, misses, cancellationToken);
            await ProbeAsync(engine, user, item, ids, item.OutScope, false, "out", outScope, misses, cancellationToken);

            if (item.NotFor is { } notFor && ids.Count > 0)
            {
                var now = new HashSet<string>(StringComparer.Ordinal);
                foreach (string id in ids)
                {
                    WriteResult narrowing = await engine.RecordAsync(user, [new ScopeNarrowing(id, notFor)], null, cancellationToken);
                    now.UnionWith(narrowing.Created.Select(static p => p.Id));
                }

                await ProbeAsync(engine, user, item, now, item.Narrowed, false, "narrowed", narrowed, misses, cancellationToken);
                await ProbeAsync(engine, user, item, now, [.. item.InScope.Except(item.Narrowed)], true, "kept", kept, misses, cancellationToken);
            }
            else if (item.NotFor is not null)
            {
                narrowed[1] += item.Narrowed.Count;
                kept[1] += item.InScope.Except(item.Narrowed).Count();
            }

            progress?.Report(i + 1);
        }

        return new FeedbackReport(cases.Count, none, (inScope[0], inScope[1]), (near[0], near[1]), (outScope[0], outScope[1]), (narrowed[0], narrowed[1]), (kept[0], kept[1]), misses);
    }

    private static Signal Signal(FeedbackCase item) => item.Arrives switch
    {
        "turn" => new ConversationTurn(ConversationTurn.UserRole, item.Feedback),
        "reaction" => new Reaction(item.Feedback) { Request = item.Request, Answer = item.Answer },
        _ => new Statement(item.Feedback),
    };

    private static async Task ProbeAsync(
        IPenchant engine, UserKey user, FeedbackCase item, HashSet<string> ids, IReadOnlyList<string> probes, bool shouldFire, string part, int[] tally, List<string> misses, CancellationToken cancellationToken)
    {
        foreach (string probe in probes)
        {
            Selection selection = await engine.SelectAsync(user, new RequestContext(probe), cancellationToken);
            bool fired = selection.Preferences.Any(p => ids.Contains(p.Preference.Id));
            string situation = string.Join("; ", selection.Preferences.Concat(selection.Excluded)
                .Where(p => ids.Contains(p.Preference.Id))
                .SelectMany(static p => p.Reasons)
                .Where(static r => r.Contains("situation", StringComparison.Ordinal)));
            tally[1]++;
            if (fired)
            {
                tally[0]++;
            }

            if (fired != shouldFire)
            {
                misses.Add($"{item.Id} [{part}] {(fired ? "fired" : "silent")}: {probe}{(situation.Length == 0 ? string.Empty : " — " + situation)}");
            }
            else if (situation.Length > 0)
            {
                misses.Add($"{item.Id} [{part}] ok: {probe} — {situation}");
            }
        }
    }
}
