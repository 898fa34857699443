using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Penchant.Cli.Contracts;
using Penchant.Domain;
using Penchant.Evaluation.Evaluators;
using Penchant.Evaluation.Metrics;

namespace Penchant.Cli.Output;

/// <summary>Writes each result as one JSON document on one line, in the service's wire contract where one exists.</summary>
/// <param name="output">Standard output.</param>
internal sealed class JsonOutputFormatter(TextWriter output) : IOutputFormatter
{
    public void WriteWrite(WriteResult result) => Write(result.ToContract(), CliJson.Contract.WriteResponse);

    public void WritePreferences(IReadOnlyList<Preference> preferences) =>
        Write(preferences.ToContract(), CliJson.Contract.IReadOnlyListPreferenceContract);

    public void WriteMatches(IReadOnlyList<Penchant.Searching.PreferenceMatch> matches) =>
        Write([.. matches.Select(static m => new SearchMatchContract(m.Preference.ToContract(), m.Score, m.Semantic, m.Lexical, m.SemanticRank, m.LexicalRank))], CliJson.Contract.IReadOnlyListSearchMatchContract);

    public void WriteHistory(IReadOnlyList<Preference> preferences) =>
        Write(preferences.ToContract(), CliJson.Contract.IReadOnlyListPreferenceContract);

    public void WriteForgotten(string preferenceId) => Write(new ForgottenJson(preferenceId), CliJson.Reports.ForgottenJson);

    public void WriteExpired(int preferences) => Write(new ExpiredJson(preferences), CliJson.Reports.ExpiredJson);

    public void WriteSelection(Selection selection) => Write(selection.ToContract(), CliJson.Contract.SelectionResponse);

    public void WriteExported(int events, string path) => Write(new ExportedJson(events, path), CliJson.Reports.ExportedJson);

    public void WriteSelectionReport(SelectionReport report, bool verbose)
    {
        Dictionary<string, SelectionMetricsJson>? categories = report.Categories.Count == 0
            ? null
            : report.Categories.ToDictionary(static c => c.Key, static c => Metrics(c.Value), StringComparer.Ordinal);
        List<SelectionMissJson>? wrong = verbose
            ? [.. report.Wrong.Select(static w => new SelectionMissJson(
                w.Case.Id,
                w.Case.Category,
                w.Case.Request,
                [.. w.Case.Expected.Select(i => w.Case.Statements[i].Text)],
                [.. w.Selected.Select(ToJson)]))]
            : null;
        Write(
            new SelectionReportJson(report.Name, Metrics(report.Overall), report.NoneExact, report.Ece, [.. report.Reliability.Select(static b => new ReliabilityBinJson(b.Lower, b.Upper, b.Count, b.MeanProbability, b.Observed))], categories, wrong),
            CliJson.Reports.SelectionReportJson);
    }

    public void WritePrefEvalReport(PrefEvalReport report, bool verbose)
    {
        PrefEvalTally overall = report.Overall;
        Dictionary<string, PrefEvalTopicJson> topics = report.Topics.ToDictionary(
            static t => t.Key,
            static t => new PrefEvalTopicJson(t.Value.Items, t.Value.Hit1Rate, t.Value.Hit5Rate, t.Value.Precision, t.Value.MeanSelected),
            StringComparer.Ordinal);
        List<PrefEvalMissJson>? misses = verbose
            ? [.. report.Misses.Select(static m => new PrefEvalMissJson(m.Item.Topic, m.Item.Index, m.Item.Preference, m.Item.Question, [.. m.Selected.Select(ToJson)]))]
            : null;
        Write(
            new PrefEvalReportJson(overall.Items, report.Turns, overall.Hit1Rate, overall.Hit5Rate, overall.Precision, overall.MeanSelected, topics, misses),
            CliJson.Reports.PrefEvalReportJson);
    }

    public void WriteHygieneReport(HygieneReport report, bool verbose) => Write(verbose ? report : report with { Issues = [] }, CliJson.Reports.HygieneReport);

    private static SelectionMetricsJson Metrics(SelectionTally tally) =>
        new(tally.Cases, tally.Selected, tally.Correct, tally.Expected, tally.Found, tally.Precision, tally.Recall, tally.F1, tally.ExactRate);

    private static SelectedJson ToJson(SelectedStatement selected) =>
        new(selected.Text, selected.Probability, selected.StatementIndices, selected.IsCorrect);

    private void Write<T>(T value, JsonTypeInfo<T> typeInfo) => output.WriteLine(JsonSerializer.Serialize(value, typeInfo));
}
