using System.Globalization;
using Penchant.Domain;
using Penchant.Evaluation.Metrics;
using Penchant.Numerics;
using Penchant.Selecting;
using Penchant.Signals;

namespace Penchant.Evaluation.Evaluators;

/// <summary>
/// Selection cases run in two steps: <see cref="PrepareAsync"/> remembers each case's statements as a fresh user of the engine
/// and keeps what the gate reads; <see cref="Score"/> selects with a gate model and scores the result (micro precision,
/// recall, F1, exact sets, and the calibration of every pair's probability); <see cref="Examples"/> gives the labelled pairs
/// that <see cref="GateTrainer"/> fits. Scoring with the shipped model is what <c>SelectAsync</c> does for these users.
/// </summary>
internal static class GatedCases
{
    /// <summary>The category of a case that expects nothing in the reports (its exact rate is <c>none_exact</c>).</summary>
    public const string NoneCategory = "none";

    /// <summary>Remembers every case's statements for a fresh user and prepares the request.</summary>
    /// <param name="engine">The engine.</param>
    /// <param name="selection">The engine's selection query.</param>
    /// <param name="tenant">The tenant the evaluation users live in.</param>
    /// <param name="cases">The cases.</param>
    /// <param name="progress">Told after each case.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The prepared cases, in order.</returns>
    public static async Task<IReadOnlyList<GatedCase>> PrepareAsync(
        IPenchant engine, SelectionQuery selection, string tenant, IReadOnlyList<SelectionCase> cases, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        string run = Guid.NewGuid().ToString("N")[..8];
        var prepared = new GatedCase[cases.Count];
        for (int i = 0; i < cases.Count; i++)
        {
            SelectionCase selectionCase = cases[i];
            UserKey user = UserKey.Create(tenant, $"eval-gate-{run}-{i}");
            var statementOfEvent = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int index = 0; index < selectionCase.Statements.Count; index++)
            {
                CaseStatement statement = selectionCase.Statements[index];
                WriteResult written = await engine.RememberAsync(user, new Statement(statement.Text, statement.At), cancellationToken);
                foreach (PreferenceEvent appended in written.Events)
                {
                    statementOfEvent[appended.Id] = index;
                }
            }

            IReadOnlyList<PreparedPreference> preferences = await selection.PrepareAsync(user, cancellationToken);
            RequestView request = await selection.ViewAsync(new RequestContext(selectionCase.Request), cancellationToken);
            var sources = new List<SortedSet<int>>(preferences.Count);
            foreach (PreparedPreference p in preferences)
            {
                var indices = new SortedSet<int>();
                foreach (string source in p.Preference.Sources)
                {
                    if (statementOfEvent.TryGetValue(source, out int index))
                    {
                        indices.Add(index);
                    }
                }

                sources.Add(indices);
            }

            prepared[i] = new GatedCase(selectionCase, preferences, request, sources);
            progress?.Report(i + 1);
        }

        return prepared;
    }

    /// <summary>Gets the labelled pairs of the cases, for fitting a gate.</summary>
    /// <param name="cases">The prepared cases.</param>
    /// <param name="firstGroup">The group number of the first case (keep groups distinct across sets).</param>
    /// <param name="hints">Whether to keep the similarity to hinted kinds of requests (set it to 0 to measure the gate without the lexicon's hints).</param>
    /// <returns>One example per (case, preference).</returns>
    public static IReadOnlyList<GateExample> Examples(IReadOnlyList<GatedCase> cases, int firstGroup = 0, bool hints = true)
    {
        var examples = new List<GateExample>();
        for (int i = 0; i < cases.Count; i++)
        {
            GateFeatures[] features = Measure(cases[i], hints);
            for (int j = 0; j < features.Length; j++)
            {
                examples.Add(new GateExample(features[j], cases[i].Labels[j], firstGroup + i));
            }
        }

        return examples;
    }

    /// <summary>Writes the gate's features of every (case, preference) pair with whether it applies, as CSV (to study or refit the gate).</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="cases">The prepared cases.</param>
    /// <param name="header">Whether to write the header line first.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the lines are written.</returns>
    public static async Task WriteFeaturesAsync(TextWriter writer, IReadOnlyList<GatedCase> cases, bool header, CancellationToken cancellationToken)
    {
        if (header)
        {
            await writer.WriteLineAsync("case,category,applies," + string.Join(",", GateFeatures.Names) + ",overridden,out_of_scope,kind,text,scope,hints");
        }

        foreach (GatedCase gated in cases)
        {
            cancellationToken.ThrowIfCancellationRequested();
            GateFeatures[] measured = PreferenceGate.MeasureAll(gated.Request, gated.Prepared);
            for (int j = 0; j < measured.Length; j++)
            {
                Preference preference = gated.Prepared[j].Preference;
                var values = new double[GateFeatures.Names.Length];
                measured[j].CopyTo(values);
                string scope = preference.Scope.Text ?? string.Join(" ", preference.Scope.Tags.Select(static t => $"{t.Key}={t.Value}"));
                string hints = string.Join("; ", preference.Hints.RequestKinds) + (preference.Hints.ChainsTo is { } chain ? $" => {chain}" : string.Empty);
                await writer.WriteLineAsync(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{gated.Case.Id},{gated.Case.Category},{(gated.Labels[j] ? 1 : 0)},{string.Join(",", values.Select(static v => v.ToString("0.####", CultureInfo.InvariantCulture)))},{measured[j].Overridden},{measured[j].OutOfScope},{preference.Kind},{CsvField(preference.Text)},{CsvField(scope)},{CsvField(hints)}"));
            }
        }
    }

    /// <summary>Selects for every case with a gate model and scores the selections and the probabilities.</summary>
    /// <param name="cases">The prepared cases.</param>
    /// <param name="model">The gate model.</param>
    /// <param name="threshold">The threshold, or <see langword="null"/> for the model's.</param>
    /// <param name="hints">Whether the gate sees the similarity to hinted kinds of requests.</param>
    /// <param name="shipped">
    /// The engine's selection query, to score what it returns (the gate, then the scope exclusions and situations that ship);
    /// <see langword="null"/> to score the gate alone.
    /// </param>
    /// <returns>The report.</returns>
    public static SelectionReport Score(IReadOnlyList<GatedCase> cases, GateModel model, double? threshold = null, bool hints = true, SelectionQuery? shipped = null)
    {
        var gate = new PreferenceGate(model);
        var overall = new SelectionTally();
        var none = new SelectionTally();
        var categories = new SortedDictionary<string, SelectionTally>(StringComparer.Ordinal);
        var wrong = new List<SelectionCaseResult>();
        var probabilities = new List<double>();
        var outcomes = new List<double>();
        foreach (GatedCase gated in cases)
        {
            RequestView request = gated.Request;
            IReadOnlyList<PreparedPreference> prepared = hints ? gated.Prepared : [.. gated.Prepared.Select(WithoutHints)];
            double[] p = gate.Probabilities(request, prepared);
            for (int j = 0; j < p.Length; j++)
            {
                probabilities.Add(p[j]);
                outcomes.Add(gated.Labels[j] ? 1 : 0);
            }

            IReadOnlyList<SelectedPreference> chosen = prepared.Count == 0 ? []
                : shipped is null ? gate.Select(request, prepared, threshold)
                : shipped.SelectPrepared(prepared, request, [], gate: gate).Preferences;
            var sources = new List<SortedSet<int>>(chosen.Count);
            foreach (SelectedPreference s in chosen)
            {
                int index = IndexOf(gated.Prepared, s.Preference.Id);
                sources.Add(index < 0 ? [] : gated.Sources[index]);
            }

            (bool[] correct, int found) = SetMatch.Match(sources, new HashSet<int>(gated.Case.Expected));
            var selected = new List<SelectedStatement>(chosen.Count);
            for (int k = 0; k < chosen.Count; k++)
            {
                selected.Add(new SelectedStatement(chosen[k].Preference.Text, chosen[k].Probability, [.. sources[k]], correct[k]));
            }

            var result = new SelectionCaseResult(gated.Case, selected, found);
            Add(overall, result);
            if (gated.Case.Expected.Count == 0)
            {
                Add(none, result);
            }

            if (gated.Case.Category is { } category)
            {
                if (!categories.TryGetValue(category, out SelectionTally? tally))
                {
                    tally = new SelectionTally();
                    categories.Add(category, tally);
                }

                Add(tally, result);
            }

            if (!result.IsExact)
            {
                wrong.Add(result);
            }
        }

        return new SelectionReport(overall, [.. categories], wrong)
        {
            NoneExact = none.Cases == 0 ? null : none.ExactRate,
            Ece = Calibration.ExpectedCalibrationError(probabilities, outcomes),
            Reliability = Calibration.Reliability(probabilities, outcomes),
        };
    }

    private static GateFeatures[] Measure(GatedCase gated, bool hints) =>
        hints
            ? PreferenceGate.MeasureAll(gated.Request, gated.Prepared)
            : PreferenceGate.MeasureAll(gated.Request, [.. gated.Prepared.Select(WithoutHints)]);

    private static PreparedPreference WithoutHints(PreparedPreference p) =>
        new(p.Preference, p.Stems, [], p.ScopeVector, p.ScopeStems, p.ChainVector) { BackgroundMean = p.BackgroundMean, BackgroundSpread = p.BackgroundSpread, NeighbourhoodVector = p.NeighbourhoodVector };

    private static string CsvField(string text) => "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static int IndexOf(IReadOnlyList<PreparedPreference> prepared, string id)
    {
        for (int i = 0; i < prepared.Count; i++)
        {
            if (prepared[i].Preference.Id == id)
            {
                return i;
            }
        }

        return -1;
    }

    private static void Add(SelectionTally tally, SelectionCaseResult result) =>
        tally.Add(result.Selected.Count, result.CorrectSelected, result.Case.Expected.Count, result.Found, result.IsExact);
}
