using System.Text.Json.Serialization;
using Penchant.Evaluation.Datasets;
using Penchant.Evaluation.Metrics;
using Penchant.Learning.Feedback;
using Penchant.Signals;

namespace Penchant.Evaluation.Evaluators;

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

/// <summary>Reads reaction cases and scores a classifier on them.</summary>
public static class ReactionsEvaluator
{
    /// <summary>The splits a run can keep.</summary>
    public static readonly string[] Splits = ["all", "tune", "holdout"];

    private static readonly ReactionLabel[] Labels = [ReactionLabel.Satisfied, ReactionLabel.Dissatisfied, ReactionLabel.Neutral];

    /// <summary>The lowercase name of a label, as the engine stores and tags it.</summary>
    /// <param name="label">The label.</param>
    /// <returns><c>satisfied</c>, <c>dissatisfied</c> or <c>neutral</c>.</returns>
    public static string LabelName(ReactionLabel label) => ReactionData.LabelName(label);

    /// <summary>Reads a JSON Lines cases file, keeping the cases of a split.</summary>
    /// <param name="reader">The file.</param>
    /// <param name="source">The file name, for messages.</param>
    /// <param name="split"><c>all</c>, or the split to keep (cases without a split are kept).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The cases in file order.</returns>
    /// <exception cref="EvaluationInputException">A line is malformed; the message names it.</exception>
    public static async Task<IReadOnlyList<ReactionCase>> ReadCasesAsync(TextReader reader, string source, string split, CancellationToken cancellationToken)
    {
        IReadOnlyList<(int Line, ReactionCaseLine Value)> lines = await DataFiles.ReadJsonLinesAsync(reader, ReactionEvalJsonContext.Default.ReactionCaseLine, source, cancellationToken);
        var cases = new List<ReactionCase>(lines.Count);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach ((int line, ReactionCaseLine value) in lines)
        {
            if (value.Id is not { Length: > 0 } id || value.Turn is not { Length: > 0 } turn || value.Label is not { } label)
            {
                throw new EvaluationInputException($"{source}, line {line}: each case needs \"id\", \"turn\" and \"label\".");
            }

            if (!ids.Add(id))
            {
                throw new EvaluationInputException($"{source}, line {line}: the id '{id}' appears twice.");
            }

            ReactionLabel parsed = label.Trim().ToLowerInvariant() switch
            {
                "satisfied" => ReactionLabel.Satisfied,
                "dissatisfied" => ReactionLabel.Dissatisfied,
                "neutral" => ReactionLabel.Neutral,
                _ => throw new EvaluationInputException($"{source}, line {line}: \"label\" must be satisfied, dissatisfied or neutral."),
            };
            if (split == "all" || value.Split is null || string.Equals(value.Split, split, StringComparison.OrdinalIgnoreCase))
            {
                cases.Add(new ReactionCase(line, id, value.Request, value.Answer, turn, parsed));
            }
        }

        return cases;
    }

    /// <summary>Classifies every case's turn and scores the classifier.</summary>
    /// <param name="classifier">The classifier.</param>
    /// <param name="cases">The cases.</param>
    /// <param name="progress">Told the number of finished cases.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The report: accuracy, macro F1 and per-class metrics (satisfied, dissatisfied, neutral).</returns>
    public static async Task<ReactionReport> RunAsync(IReactionClassifier classifier, IReadOnlyList<ReactionCase> cases, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var results = new List<ReactionCaseResult>(cases.Count);
        foreach (ReactionCase c in cases)
        {
            ReactionClassification predicted = await classifier.ClassifyAsync(c.Request, c.Answer, c.Turn, cancellationToken);
            results.Add(new ReactionCaseResult(c, predicted));
            progress?.Report(results.Count);
        }

        (double accuracy, double macroF1, IReadOnlyList<ClassMetrics> classes) = Classification.Score(
            [.. results.Select(static r => (r.Case.Label, r.Predicted.Label))], Labels, LabelName);
        return new ReactionReport(results.Count, accuracy, macroF1, classes, [.. results.Where(static r => !r.IsCorrect)]);
    }
}

/// <summary>Source-generated JSON for the reactions evaluation's cases.</summary>
[JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ReactionCaseLine))]
internal sealed partial class ReactionEvalJsonContext : JsonSerializerContext;
