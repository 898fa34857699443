using System.Text.Json.Serialization;
using Penchant.Cli.Infrastructure;
using Penchant.Learning.Feedback;
using Penchant.Signals;

namespace Penchant.Cli.Evaluation;

/// <summary>One line of a reactions cases file; fields other than these are ignored.</summary>
internal sealed class ReactionCaseLine
{
    public string? Id { get; set; }

    public string? Request { get; set; }

    public string? Answer { get; set; }

    public string? Turn { get; set; }

    public string? Label { get; set; }

    public string? Split { get; set; }
}

/// <summary>One reaction case.</summary>
internal sealed record ReactionCase(int Line, string Id, string? Request, string? Answer, string Turn, ReactionLabel Label);

/// <summary>A case and what the classifier said.</summary>
internal sealed record ReactionCaseResult(ReactionCase Case, ReactionClassification Predicted)
{
    public bool IsCorrect => Case.Label == Predicted.Label;
}

/// <summary>Precision, recall and F1 of one class.</summary>
internal sealed record ReactionClassMetrics(string Label, int Support, int Predicted, int Correct)
{
    public double Precision => Predicted == 0 ? 0 : (double)Correct / Predicted;

    public double Recall => Support == 0 ? 0 : (double)Correct / Support;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>The result of <c>penchant eval reactions</c>.</summary>
internal sealed record ReactionReport(int Cases, double Accuracy, double MacroF1, IReadOnlyList<ReactionClassMetrics> Classes, IReadOnlyList<ReactionCaseResult> Wrong);

/// <summary>Reads reaction cases and scores a classifier on them.</summary>
internal static class ReactionsEvaluator
{
    public static readonly string[] Splits = ["all", "tune", "holdout"];

    private static readonly ReactionLabel[] Labels = [ReactionLabel.Satisfied, ReactionLabel.Dissatisfied, ReactionLabel.Neutral];

    public static async Task<IReadOnlyList<ReactionCase>> ReadCasesAsync(TextReader reader, string source, string split, CancellationToken cancellationToken)
    {
        IReadOnlyList<(int Line, ReactionCaseLine Value)> lines = await JsonLines.ReadAsync(reader, ReactionEvalJsonContext.Default.ReactionCaseLine, source, cancellationToken);
        var cases = new List<ReactionCase>(lines.Count);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach ((int line, ReactionCaseLine value) in lines)
        {
            if (value.Id is not { Length: > 0 } id || value.Turn is not { Length: > 0 } turn || value.Label is not { } label)
            {
                throw new CliInputException($"{source}, line {line}: each case needs \"id\", \"turn\" and \"label\".");
            }

            if (!ids.Add(id))
            {
                throw new CliInputException($"{source}, line {line}: the id '{id}' appears twice.");
            }

            ReactionLabel parsed = label.Trim().ToLowerInvariant() switch
            {
                "satisfied" => ReactionLabel.Satisfied,
                "dissatisfied" => ReactionLabel.Dissatisfied,
                "neutral" => ReactionLabel.Neutral,
                _ => throw new CliInputException($"{source}, line {line}: \"label\" must be satisfied, dissatisfied or neutral."),
            };
            if (split == "all" || value.Split is null || string.Equals(value.Split, split, StringComparison.OrdinalIgnoreCase))
            {
                cases.Add(new ReactionCase(line, id, value.Request, value.Answer, turn, parsed));
            }
        }

        return cases;
    }

    public static async Task<ReactionReport> RunAsync(IReactionClassifier classifier, IReadOnlyList<ReactionCase> cases, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var results = new List<ReactionCaseResult>(cases.Count);
        foreach (ReactionCase c in cases)
        {
            ReactionClassification predicted = await classifier.ClassifyAsync(c.Request, c.Answer, c.Turn, cancellationToken);
            results.Add(new ReactionCaseResult(c, predicted));
            progress?.Report(results.Count);
        }

        var classes = new List<ReactionClassMetrics>(Labels.Length);
        foreach (ReactionLabel label in Labels)
        {
            classes.Add(new ReactionClassMetrics(
                ReactionData.LabelName(label),
                results.Count(r => r.Case.Label == label),
                results.Count(r => r.Predicted.Label == label),
                results.Count(r => r.Case.Label == label && r.IsCorrect)));
        }

        double accuracy = results.Count == 0 ? 0 : (double)results.Count(static r => r.IsCorrect) / results.Count;
        return new ReactionReport(results.Count, accuracy, classes.Average(static c => c.F1), classes, [.. results.Where(static r => !r.IsCorrect)]);
    }
}

/// <summary>Source-generated JSON for the reactions evaluation.</summary>
[JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ReactionCaseLine))]
[JsonSerializable(typeof(ReactionReportJson))]
internal sealed partial class ReactionEvalJsonContext : JsonSerializerContext;

/// <summary>The JSON output of <c>penchant eval reactions</c>.</summary>
internal sealed record ReactionReportJson(int Cases, double Accuracy, double MacroF1, Dictionary<string, ReactionClassJson> Classes, List<ReactionMissJson>? Wrong);

/// <summary>One class in the JSON output.</summary>
internal sealed record ReactionClassJson(int Support, int Predicted, double Precision, double Recall, double F1);

/// <summary>A misclassified case in the JSON output.</summary>
internal sealed record ReactionMissJson(string Id, string Turn, string Label, string Predicted, string Reason);
