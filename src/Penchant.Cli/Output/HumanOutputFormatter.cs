using System.Globalization;
using Penchant.Domain;
using Penchant.Evaluation.Evaluators;
using Penchant.Evaluation.Metrics;
using Penchant.Numerics;

namespace Penchant.Cli.Output;

/// <summary>Writes results as aligned text lines.</summary>
/// <param name="output">Standard output.</param>
internal sealed class HumanOutputFormatter(TextWriter output) : IOutputFormatter
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public void WriteWrite(WriteResult result)
    {
        foreach (Preference preference in result.Created)
        {
            Line($"created     {preference.Id}  {preference.Text}{ScopeSuffix(preference)}");
        }

        foreach (Preference preference in result.Reinforced)
        {
            Line($"reinforced  {preference.Id}  {preference.Text}{ScopeSuffix(preference)}");
        }

        foreach (Preference preference in result.Superseded)
        {
            Line($"superseded  {preference.Id}  {preference.Text}{(preference.SupersededBy is { } by ? $"  (by {by})" : string.Empty)}");
        }

        if (result.Created.Count + result.Reinforced.Count + result.Superseded.Count == 0)
        {
            Line($"no preference changed ({Count(result.Events.Count, "event")} recorded)");
        }
    }

    public void WritePreferences(IReadOnlyList<Preference> preferences)
    {
        if (preferences.Count == 0)
        {
            Line("no preferences");
            return;
        }

        foreach (Preference preference in preferences)
        {
            Line($"{preference.Id}  {preference.Text}{ScopeSuffix(preference)}  ({Kind(preference)}, confidence {F2(preference.Confidence)})");
        }
    }

    public void WriteMatches(IReadOnlyList<Penchant.Searching.PreferenceMatch> matches)
    {
        if (matches.Count == 0)
        {
            Line("no preferences");
            return;
        }

        foreach (Penchant.Searching.PreferenceMatch match in matches)
        {
            Line($"{F3(match.Score)}  {match.Preference.Id}  {match.Preference.Text}{ScopeSuffix(match.Preference)}  (meaning {F2(match.Semantic)}, words {F2(match.Lexical)})");
        }
    }

    public void WriteHistory(IReadOnlyList<Preference> preferences)
    {
        if (preferences.Count == 0)
        {
            Line("no preferences");
            return;
        }

        foreach (Preference preference in preferences)
        {
            string status = preference.SupersededBy is { } by ? $"superseded by {by}" : "current";
            Line($"{preference.Id}  [{status}]  {preference.Text}{ScopeSuffix(preference)}  ({preference.CreatedAt.ToString("u", Invariant)})");
        }
    }

    public void WriteForgotten(string preferenceId) => Line($"forgotten   {preferenceId}");

    public void WriteExpired(int preferences) => Line($"expired     {preferences} preference(s) forgotten");

    public void WriteSelection(Selection selection)
    {
        if (selection.IsEmpty)
        {
            Line("nothing applies");
            return;
        }

        for (int i = 0; i < selection.Preferences.Count; i++)
        {
            SelectedPreference selected = selection.Preferences[i];
            Line($"{i + 1}. {F3(selected.Probability)}  {selected.Preference.Id}  {selected.Preference.Text}{ScopeSuffix(selected.Preference)}");
            if (selected.Reasons.Count > 0)
            {
                Line($"   reasons: {string.Join("; ", selected.Reasons)}");
            }

            Line($"   sources: {(selected.Sources.Count > 0 ? string.Join(", ", selected.Sources) : "none")}");
        }

        foreach (StylePreference style in selection.Styles)
        {
            Line($"style  {F3(style.Confidence)}  {style.Text}");
            Line($"   from edits: {string.Join(", ", style.Sources)}");
        }

        Line(string.Empty);
        Line("prompt block:");
        Line(selection.PromptBlock);
    }

    public void WriteExported(int events, string path) => Line($"exported {Count(events, "event")} to {path}");

    public void WriteSelectionReport(SelectionReport report, bool verbose)
    {
        if (verbose)
        {
            foreach (SelectionCaseResult wrong in report.Wrong)
            {
                SelectionCase wrongCase = wrong.Case;
                Line($"wrong {wrongCase.Id}{(wrongCase.Category is { } category ? $" [{category}]" : string.Empty)}: {wrongCase.Request}");
                if (wrongCase.Expected.Count == 0)
                {
                    Line("  expected: nothing");
                }

                foreach (int index in wrongCase.Expected)
                {
                    Line($"  expected: [{index}] {wrongCase.Statements[index].Text}");
                }

                if (wrong.Selected.Count == 0)
                {
                    Line("  selected: nothing");
                }

                foreach (SelectedStatement selected in wrong.Selected)
                {
                    string from = selected.StatementIndices.Count > 0 ? $"[{string.Join(",", selected.StatementIndices)}] " : string.Empty;
                    Line($"  selected: {F3(selected.Probability)} {from}{selected.Text}{(selected.IsCorrect ? string.Empty : "  (wrong)")}");
                }
            }
        }

        foreach ((string label, SelectionReport beside) in report.Beside)
        {
            Line($"{label}: {Summary(beside)}");
        }

        foreach (ReliabilityBin bin in report.Reliability)
        {
            Line($"reliability [{F2(bin.Lower)}, {F2(bin.Upper)}): n={bin.Count} mean_p={F3(bin.MeanProbability)} observed={F3(bin.Observed)}");
        }

        foreach ((string category, SelectionTally tally) in report.Categories)
        {
            Line($"category {category}: {Metrics(tally)}");
        }

        Line($"{report.Name}: {Summary(report)}");
    }

    private static string Summary(SelectionReport report) =>
        $"{Metrics(report.Overall)}{(report.NoneExact is { } none ? $" none_exact={F3(none)}" : string.Empty)} ece={F3(report.Ece)}";

    public void WritePrefEvalReport(PrefEvalReport report, bool verbose)
    {
        if (verbose)
        {
            foreach (PrefEvalItemResult miss in report.Misses)
            {
                Line($"miss {miss.Item.Topic}#{miss.Item.Index}{(miss.Hit5 ? " (in top 5)" : string.Empty)}: {miss.Item.Question}");
                Line($"  preference: {miss.Item.Preference}");
                if (miss.Selected.Count == 0)
                {
                    Line("  selected: nothing");
                }

                foreach (SelectedStatement selected in miss.Selected)
                {
                    Line($"  selected: {F3(selected.Probability)} {selected.Text}{(selected.IsCorrect ? "  (hit)" : string.Empty)}");
                }
            }

            foreach ((string text, int count) in report.FalseSelections)
            {
                Line($"false selection x{count}: {text}");
            }
        }

        foreach ((string topic, PrefEvalTally tally) in report.Topics)
        {
            Line($"topic {topic}: n={tally.Items} hit1={F3(tally.Hit1Rate)} hit5={F3(tally.Hit5Rate)} precision={F3(tally.Precision)} selected={F2(tally.MeanSelected)}");
        }

        PrefEvalTally overall = report.Overall;
        Line($"prefeval: n={overall.Items} turns={report.Turns} hit1={F3(overall.Hit1Rate)} hit5={F3(overall.Hit5Rate)} precision={F3(overall.Precision)} selected={F2(overall.MeanSelected)}");
    }

    private static string Metrics(SelectionTally tally) =>
        $"n={tally.Cases} precision={F3(tally.Precision)} recall={F3(tally.Recall)} f1={F3(tally.F1)} exact={F3(tally.ExactRate)}";

    private static string ScopeSuffix(Preference preference) =>
        preference.Scope.IsScoped
            ? $"  [scope: {string.Join(", ", ScopeParts(preference.Scope))}]"
            : string.Empty;

    private static IEnumerable<string> ScopeParts(PreferenceScope scope)
    {
        if (scope.Text is { } text)
        {
            yield return text;
        }

        foreach (KeyValuePair<string, string> tag in scope.Tags)
        {
            yield return $"{tag.Key}={tag.Value}";
        }
    }

    private static string Kind(Preference preference) => preference.Kind.ToString().ToLowerInvariant();

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    private static string F2(double value) => value.ToString("0.00", Invariant);

    private static string F3(double value) => value.ToString("0.000", Invariant);

    public void WriteHygieneReport(HygieneReport report, bool verbose)
    {
        if (verbose)
        {
            foreach (string issue in report.Issues)
            {
                Line(issue);
            }
        }

        Line(string.Create(Invariant, $"repetition: {report.Statements} statements of {report.Distinct} preferences kept as {report.Preferences} ({report.Duplicates} duplicates, {report.WrongMerges} wrong merges, {report.ApartMerged} of them taking in one of {report.Apart} statements that share only a situation)"));
        Line(string.Create(Invariant, $"updates: {report.Correct}/{report.Updates} correct, {report.Missed} revisions missed, {report.UnrelatedSuperseded} unrelated superseded, {report.MergedUpdates} merged into an existing preference"));
        Line(string.Create(Invariant, $"hygiene: statements={report.Statements} preferences={report.Preferences} duplicates={report.Duplicates} wrong_merges={report.WrongMerges} apart={report.Apart} apart_merged={report.ApartMerged} updates={report.Updates} correct={report.Correct} missed={report.Missed} unrelated_superseded={report.UnrelatedSuperseded} merged_updates={report.MergedUpdates}"));
    }

    private void Line(string text) => output.WriteLine(text);
}
