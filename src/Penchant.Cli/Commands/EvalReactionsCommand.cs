using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Penchant.Cli.Infrastructure;
using Penchant.Cli.Output;
using Penchant.Embeddings;
using Penchant.Evaluation.Evaluators;
using Penchant.Evaluation.Metrics;
using Penchant.Learning.Feedback;

namespace Penchant.Cli.Commands;

/// <summary>
/// <c>penchant eval reactions --cases FILE [--split tune|holdout|all] [--verbose]</c>: classifies each case's next user
/// message as satisfied, dissatisfied or neutral with the default classifier (rules and MiniLM) and reports per-class
/// precision, recall and F1; the last line is the summary.
/// </summary>
internal sealed class EvalReactionsCommand : CliCommand
{
    private readonly Option<string> _cases = new("--cases")
    {
        Description = "JSON Lines of {\"id\", \"request\", \"answer\", \"turn\", \"label\": satisfied|dissatisfied|neutral, \"split\"?}",
        HelpName = "FILE",
        Required = true,
    };

    private readonly Option<string> _split = new("--split")
    {
        Description = "Run only the cases of this split (cases without a split always run)",
        DefaultValueFactory = static _ => "all",
    };

    private readonly Option<string> _classifier = new("--classifier")
    {
        Description = "learned (the default: the trained model over MiniLM) or rules (the rule-based fallback)",
        DefaultValueFactory = static _ => "learned",
    };

    private readonly Option<string?> _model = new("--model")
    {
        Description = "Weights written by 'penchant train reactions --out FILE' (default: the shipped weights)",
        HelpName = "FILE",
    };

    private readonly Option<bool> _verbose = new("--verbose") { Description = "Print every misclassified case" };

    public EvalReactionsCommand(GlobalOptions globals, CliEnvironment environment)
        : base("reactions", "Score the reaction classifier on labelled next messages: per-class precision, recall, F1 and macro F1", globals, environment)
    {
        _split.AcceptOnlyFromAmong(ReactionsEvaluator.Splits);
        Options.Add(_cases);
        _classifier.AcceptOnlyFromAmong("learned", "rules");
        Options.Add(_split);
        Options.Add(_classifier);
        Options.Add(_model);
        Options.Add(_verbose);
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        string file = context.ParseResult.GetValue(_cases)!;
        string split = context.ParseResult.GetValue(_split)!;
        IReadOnlyList<ReactionCase> cases;
        using (StreamReader reader = new(InputFiles.OpenRead(file)))
        {
            cases = await ReactionsEvaluator.ReadCasesAsync(reader, file, split, cancellationToken);
        }

        if (cases.Count == 0)
        {
            throw new CliInputException($"{file} has no cases{(split == "all" ? string.Empty : $" in split '{split}'")}.");
        }

        using var embeddings = new MiniLmEmbeddingGenerator(context.Embeddings);
        IReactionClassifier classifier;
        if (context.ParseResult.GetValue(_classifier) == "rules")
        {
            classifier = new RuleBasedReactionClassifier(embeddings);
        }
        else if (context.ParseResult.GetValue(_model) is { } modelFile)
        {
            await using Stream weights = InputFiles.OpenRead(modelFile);
            classifier = new LearnedReactionClassifier(embeddings, weights);
        }
        else
        {
            classifier = new LearnedReactionClassifier(embeddings);
        }
        ReactionReport report;
        using (ProgressBar? progress = ProgressBar.Create(context.Environment, cases.Count, "cases"))
        {
            report = await ReactionsEvaluator.RunAsync(classifier, cases, progress, cancellationToken);
        }

        Write(context, report, context.ParseResult.GetValue(_verbose));
        return ExitCodes.Success;
    }

    private static void Write(CommandContext context, ReactionReport report, bool verbose)
    {
        TextWriter output = context.Environment.Output;
        if (context.Json)
        {
            var json = new ReactionReportJson(
                report.Cases,
                report.Accuracy,
                report.MacroF1,
                report.Classes.ToDictionary(static c => c.Label, static c => new ReactionClassJson(c.Support, c.Predicted, c.Precision, c.Recall, c.F1), StringComparer.Ordinal),
                verbose ? [.. report.Wrong.Select(static w => new ReactionMissJson(w.Case.Id, w.Case.Turn, ReactionsEvaluator.LabelName(w.Case.Label), ReactionsEvaluator.LabelName(w.Predicted.Label), w.Predicted.Reason))] : null);
            output.WriteLine(JsonSerializer.Serialize(json, CliJsonContext.Default.ReactionReportJson));
            return;
        }

        if (verbose)
        {
            foreach (ReactionCaseResult wrong in report.Wrong)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{wrong.Case.Id}: expected {ReactionsEvaluator.LabelName(wrong.Case.Label)}, got {ReactionsEvaluator.LabelName(wrong.Predicted.Label)} ({wrong.Predicted.Reason}): {wrong.Case.Turn}"));
            }
        }

        foreach (ClassMetrics c in report.Classes)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"class {c.Label}: n={c.Support} predicted={c.Predicted} precision={c.Precision:0.000} recall={c.Recall:0.000} f1={c.F1:0.000}"));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"accuracy={report.Accuracy:0.000}"));
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"reactions: n={report.Cases} macro_f1={report.MacroF1:0.000} satisfied_f1={report.Classes[0].F1:0.000} dissatisfied_f1={report.Classes[1].F1:0.000} neutral_f1={report.Classes[2].F1:0.000}"));
    }
}
