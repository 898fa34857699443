using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Penchant.Cli.Infrastructure;
using Penchant.Evaluation.Evaluators;

namespace Penchant.Cli.Commands;

/// <summary>
/// <c>penchant eval feedback [--cases eval/feedback/cases.jsonl] [--split tune|holdout|all] [--situation-z Z] [--qualifier-z Z] [--verbose]</c>: records each
/// item's scoped feedback for a fresh user, probes in, near and out of its scope, narrows it, and probes again.
/// </summary>
internal sealed class EvalFeedbackCommand : CliCommand
{
    private readonly Option<string> _cases = new("--cases")
    {
        Description = "JSON Lines of {\"id\", \"domain\", \"split\", \"arrives\", \"feedback\", \"in_scope\", \"near_scope\", \"out_scope\", \"not_for\"?, \"narrowed\"?}",
        HelpName = "FILE",
        DefaultValueFactory = static _ => "eval/feedback/cases.jsonl",
    };

    private readonly Option<string> _split = new("--split")
    {
        Description = "Run only the items of this split",
        DefaultValueFactory = static _ => "all",
    };

    private readonly Option<bool> _verbose = new("--verbose") { Description = "Print every probe that is wrong" };

    private readonly Option<double> _situationZ = new("--situation-z")
    {
        Description = "The situation filter's least z-score (PenchantOptions.SituationZ); 0 turns the filter off",
        DefaultValueFactory = static _ => new PenchantOptions().SituationZ ?? 0,
    };

    private readonly Option<double> _qualifierZ = new("--qualifier-z")
    {
        Description = "The situation filter's least z-score for each qualifier a request does not state (PenchantOptions.SituationQualifierZ); 0 turns the qualifier test off",
        DefaultValueFactory = static _ => new PenchantOptions().SituationQualifierZ ?? 0,
    };

    public EvalFeedbackCommand(GlobalOptions globals, CliEnvironment environment)
        : base("feedback", "Score scoped verbal feedback: firing in scope, false firing near and out of scope, and after narrowing", globals, environment)
    {
        _split.AcceptOnlyFromAmong(FeedbackEvaluator.Splits);
        Options.Add(_cases);
        Options.Add(_split);
        Options.Add(_verbose);
        Options.Add(_situationZ);
        Options.Add(_qualifierZ);
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        string file = context.ParseResult.GetValue(_cases)!;
        string split = context.ParseResult.GetValue(_split)!;
        IReadOnlyList<FeedbackCase> cases;
        using (TextReader reader = InputFiles.OpenText(file, context.Environment))
        {
            cases = await FeedbackEvaluator.ReadCasesAsync(reader, file, split, cancellationToken);
        }

        if (cases.Count == 0)
        {
            throw new CliInputException($"{file} has no items{(split == "all" ? string.Empty : $" in split '{split}'")}.");
        }

        double situationZ = context.ParseResult.GetValue(_situationZ);
        double qualifierZ = context.ParseResult.GetValue(_qualifierZ);
        await using EvalStore store = EvalStore.Open(context, services => services.Configure<PenchantOptions>(o =>
        {
            o.SituationZ = situationZ > 0 ? situationZ : null;
            o.SituationQualifierZ = qualifierZ > 0 ? qualifierZ : null;
        }));
        FeedbackReport report;
        using (ProgressBar? progress = ProgressBar.Create(context.Environment, cases.Count, "items"))
        {
            report = await FeedbackEvaluator.RunAsync(store.Host.Engine, context.Tenant, cases, progress, cancellationToken);
        }

        TextWriter output = context.Environment.Output;
        if (context.ParseResult.GetValue(_verbose))
        {
            foreach (string miss in report.Misses)
            {
                await output.WriteLineAsync(miss);
            }
        }

        await output.WriteLineAsync($"items without a preference: {report.NoPreference}");
        await output.WriteLineAsync(report.Summary);
        return ExitCodes.Success;
    }
}
