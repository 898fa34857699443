using Penchant.Domain;
using Penchant.Evaluation.Datasets;
using Penchant.Evaluation.Metrics;
using Penchant.Language;
using Penchant.Selecting;
using Penchant.Signals;

namespace Penchant.Evaluation.Evaluators;

/// <summary>
/// Runs selection cases: for each case a fresh user remembers the statements in order, then the engine selects for
/// the request, and each selected preference is mapped back to statements through its sources.
/// </summary>
public static class SelectionEvaluator
{
    /// <summary>The splits <c>--split</c> accepts.</summary>
    public static readonly string[] Splits = ["all", "tune", "holdout"];

    /// <summary>Reads a JSON Lines cases file, keeping the cases of a split.</summary>
    /// <param name="reader">The file.</param>
    /// <param name="source">The file name, for messages.</param>
    /// <param name="split"><c>all</c>, or the split to keep (cases without a split are kept).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The cases in file order.</returns>
    /// <exception cref="EvaluationInputException">A line is malformed; the message names it.</exception>
    public static async Task<IReadOnlyList<SelectionCase>> ReadCasesAsync(TextReader reader, string source, string split, CancellationToken cancellationToken)
    {
        var cases = new List<SelectionCase>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach ((int line, SelectionCaseLine raw) in await DataFiles.ReadJsonLinesAsync(reader, DatasetJsonContext.Default.SelectionCaseLine, source, cancellationToken))
        {
            SelectionCase parsed = Validate(raw, line, source);
            if (!ids.Add(parsed.Id))
            {
                throw new EvaluationInputException($"{source}, line {line}: case id '{parsed.Id}' appears twice.");
            }

            if (split == "all" || raw.Split is null || string.Equals(raw.Split, split, StringComparison.OrdinalIgnoreCase))
            {
                cases.Add(parsed);
            }
        }

        return cases;
    }

    /// <summary>Runs the cases.</summary>
    /// <param name="engine">The engine (one for all cases).</param>
    /// <param name="services">The services the engine was built from, to measure the gate's features for a dump; <see langword="null"/> when no dump is asked for.</param>
    /// <param name="tenant">The tenant the evaluation users live in.</param>
    /// <param name="cases">The cases.</param>
    /// <param name="progress">Told after each case.</param>
    /// <param name="features">Where to write the gate's features per (case, preference) as CSV, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The report.</returns>
    public static async Task<SelectionReport> RunAsync(
        IPenchant engine, IServiceProvider? services, string tenant, IReadOnlyList<SelectionCase> cases, IProgress<int>? progress, TextWriter? features, CancellationToken cancellationToken)
    {
        if (features is not null)
        {
            await features.WriteLineAsync("case,category,applies,text_similarity,hint_similarity,scope_similarity,lexical,scope_match,relative,overridden,out_of_scope,strength,neutral,scope_kind,scope_coverage,kind,text,scope,hints");
        }

        string run = Guid.NewGuid().ToString("N")[..8];
        var overall = new SelectionTally();
        var categories = new SortedDictionary<string, SelectionTally>(StringComparer.Ordinal);
        var wrong = new List<SelectionCaseResult>();

        for (int i = 0; i < cases.Count; i++)
        {
            SelectionCaseResult result = await RunCaseAsync(engine, features is null ? null : services?.GetService(typeof(SelectionQuery)) as SelectionQuery, UserKey.Create(tenant, $"eval-selection-{run}-{i}"), cases[i], features, cancellationToken);
            Add(overall, result);
            if (result.Case.Category is { } category)
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

            progress?.Report(i + 1);
        }

        return new SelectionReport(overall, [.. categories], wrong);
    }

    private static async Task<SelectionCaseResult> RunCaseAsync(IPenchant engine, SelectionQuery? measure, UserKey user, SelectionCase selectionCase, TextWriter? features, CancellationToken cancellationToken)
    {
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

        Selection selection = await engine.SelectAsync(user, new RequestContext(selectionCase.Request), cancellationToken);

        var expected = new HashSet<int>(selectionCase.Expected);
        if (features is not null && measure is not null)
        {
            foreach ((Preference preference, Selecting.GateFeatures f) in await measure.MeasureAsync(user, new RequestContext(selectionCase.Request), cancellationToken))
            {
                bool applies = preference.Sources.Any(s => statementOfEvent.TryGetValue(s, out int index) && expected.Contains(index));
                string scopeKind = preference.Scope.Tags.ContainsKey("recipient") ? "recipient"
                    : preference.Scope.Tags.ContainsKey("channel") ? "channel"
                    : preference.Scope.IsScoped ? "words" : "none";
                double scopeCoverage = preference.Scope.Text is { } scopeText
                    ? TextTools.Coverage(TextTools.ContentStems(scopeText), TextTools.ContentStems(selectionCase.Request))
                    : 0;
                string scope = preference.Scope.Text ?? string.Join(" ", preference.Scope.Tags.Select(static t => $"{t.Key}={t.Value}"));
                string hints = string.Join("; ", preference.Hints.RequestKinds) + (preference.Hints.ChainsTo is { } chain ? $" => {chain}" : string.Empty);
                await features.WriteLineAsync(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"{selectionCase.Id},{selectionCase.Category},{(applies ? 1 : 0)},{f.TextSimilarity:0.####},{f.HintSimilarity:0.####},{f.ScopeSimilarity:0.####},{f.Lexical:0.####},{f.ScopeMatch},{f.Relative:0.####},{f.Overridden},{f.OutOfScope},{f.Strength},{f.Neutral},{scopeKind},{scopeCoverage:0.####},{preference.Kind},{CsvField(preference.Text)},{CsvField(scope)},{CsvField(hints)}"));
            }
        }

        var sources = new List<SortedSet<int>>(selection.Preferences.Count);
        foreach (SelectedPreference preference in selection.Preferences)
        {
            var indices = new SortedSet<int>();
            foreach (string source in preference.Sources)
            {
                if (statementOfEvent.TryGetValue(source, out int index))
                {
                    indices.Add(index);
                }
            }

            sources.Add(indices);
        }

        (bool[] correct, int found) = SetMatch.Match(sources, expected);
        var selected = new List<SelectedStatement>(selection.Preferences.Count);
        for (int i = 0; i < sources.Count; i++)
        {
            SelectedPreference preference = selection.Preferences[i];
            selected.Add(new SelectedStatement(preference.Preference.Text, preference.Probability, [.. sources[i]], correct[i]));
        }

        return new SelectionCaseResult(selectionCase, selected, found);
    }

    private static void Add(SelectionTally tally, SelectionCaseResult result) =>
        tally.Add(result.Selected.Count, result.CorrectSelected, result.Case.Expected.Count, result.Found, result.IsExact);

    private static string CsvField(string text) => "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static SelectionCase Validate(SelectionCaseLine raw, int line, string source)
    {
        string where = $"{source}, line {line}";
        if (string.IsNullOrWhiteSpace(raw.Id))
        {
            throw new EvaluationInputException($"{where}: \"id\" is missing.");
        }

        if (raw.Statements is not { Count: > 0 })
        {
            throw new EvaluationInputException($"{where}: \"statements\" must be a non-empty array.");
        }

        var statements = new List<CaseStatement>(raw.Statements.Count);
        for (int i = 0; i < raw.Statements.Count; i++)
        {
            if (raw.Statements[i] is not { Text: { } text } statement || string.IsNullOrWhiteSpace(text))
            {
                throw new EvaluationInputException($"{where}: statement {i} has no \"text\".");
            }

            statements.Add(new CaseStatement(text, statement.At));
        }

        if (string.IsNullOrWhiteSpace(raw.Request))
        {
            throw new EvaluationInputException($"{where}: \"request\" is missing.");
        }

        if (raw.Expected is null)
        {
            throw new EvaluationInputException($"{where}: \"expected\" is missing.");
        }

        var expected = new SortedSet<int>();
        foreach (int index in raw.Expected)
        {
            if (index < 0 || index >= statements.Count)
            {
                throw new EvaluationInputException($"{where}: expected index {index} is not a statement index (0 to {statements.Count - 1}).");
            }

            expected.Add(index);
        }

        return new SelectionCase(line, raw.Id, statements, raw.Request, [.. expected], raw.Category);
    }
}
