using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Penchant.Cli.Infrastructure;
using Penchant.Evaluation.Evaluators;

namespace Penchant.Cli.Commands;

/// <summary>
/// <c>penchant eval feedback [--cases eval/feedback/cases.jsonl] [--split tune|holdout|all] [--situation-z Z] [--qualifier-z Z] [--near-scope-model shipped|off|FILE] [--verbose]</c>: records each
/// item's scoped feedback for a fresh user, probes in, near and out of its scope, narrows it, and probes again. With
/// <c>--fit-near-scope PAIRS [--threshold T] [--model-out FILE]</c> it fits the learned near-scope test instead.
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

    private readonly Option<string> _nearScopeModel = new("--near-scope-model")
    {
        Description = "The learned near-scope test (PenchantOptions.NearScopeModel): shipped, off, or a model file",
        HelpName = "shipped|off|FILE",
        DefaultValueFactory = static _ => new PenchantOptions().NearScopeModel ?? "off",
    };

    private readonly Option<string?> _fitNearScope = new("--fit-near-scope")
    {
        Description = "Fit the near-scope model on these labelled pairs (JSON Lines of {\"id\", \"domain\", \"situation\", \"request\", \"label\": \"in\"|\"near\"}) instead of running the items",
        HelpName = "PAIRS",
    };

    private readonly Option<string?> _modelOut = new("--model-out")
    {
        Description = "With --fit-near-scope: write the fitted model here (JSON)",
        HelpName = "FILE",
    };

    private readonly Option<double?> _threshold = new("--threshold")
    {
        Description = "With --fit-near-scope: the probability below which a qualifier is not met (default: the highest that keeps 0.95 of the in-scope pairs, out of fold)",
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
        Options.Add(_nearScopeModel);
        Options.Add(_fitNearScope);
        Options.Add(_modelOut);
        Options.Add(_threshold);
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (context.ParseResult.GetValue(_fitNearScope) is { } pairsFile)
        {
            return await FitAsync(context, pairsFile, cancellationToken);
        }

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
        string nearScopeModel = context.ParseResult.GetValue(_nearScopeModel)!;
        if (nearScopeModel is not ("shipped" or "off") && !File.Exists(nearScopeModel))
        {
            throw new CliInputException($"--near-scope-model: no such file '{nearScopeModel}' (or say shipped or off).");
        }

        await using EvalStore store = EvalStore.Open(context, services => services.Configure<PenchantOptions>(o =>
        {
            o.SituationZ = situationZ > 0 ? situationZ : null;
            o.SituationQualifierZ = qualifierZ > 0 ? qualifierZ : null;
            o.NearScopeModel = nearScopeModel;
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

    private async Task<int> FitAsync(CommandContext context, string pairsFile, CancellationToken cancellationToken)
    {
        IReadOnlyList<NearScopePair> pairs;
        using (TextReader reader = InputFiles.OpenText(pairsFile, context.Environment))
        {
            pairs = await NearScopeFitter.ReadPairsAsync(reader, pairsFile, cancellationToken);
        }

        if (pairs.Count == 0)
        {
            throw new CliInputException($"{pairsFile} has no pairs.");
        }

        await using EvalStore store = EvalStore.Open(context);
        IEmbeddingGenerator<string, Embedding<float>> embeddings = store.Host.Services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();
        double? threshold = context.ParseResult.GetValue(_threshold);
        if (threshold is <= 0 or >= 1)
        {
            throw new CliInputException("--threshold must be between 0 and 1.");
        }

        NearScopeFit fit = await NearScopeFitter.FitAsync(embeddings, pairs, $"{pairsFile.Replace('\\', '/')} (SHA-256 {NearScopeFitter.Sha256(pairsFile)})", threshold, cancellationToken);
        if (context.ParseResult.GetValue(_modelOut) is { } output)
        {
            await using FileStream stream = File.Create(output);
            fit.WriteModel(stream, $"penchant eval feedback --fit-near-scope {pairsFile.Replace('\\', '/')}{(threshold is { } t ? string.Create(CultureInfo.InvariantCulture, $" --threshold {t}") : string.Empty)} --model-out {output.Replace('\\', '/')}");
        }

        await context.Environment.Output.WriteLineAsync("separation (AUC of each feature alone): " + string.Join(' ', fit.Separation));
        await context.Environment.Output.WriteLineAsync(fit.Summary);
        return ExitCodes.Success;
    }
}
