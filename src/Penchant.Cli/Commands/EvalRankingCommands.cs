using System.CommandLine;
using System.Globalization;
using Penchant.Cli.Infrastructure;
using Penchant.Embeddings;
using Penchant.Evaluation.Datasets;
using Penchant.Evaluation.Evaluators;

namespace Penchant.Cli.Commands;

/// <summary>
/// <c>penchant eval ranking --cases FILE</c>: each case's user states preferences, then the engine ranks the candidates;
/// a hit is the expected best candidate ranked first.
/// </summary>
internal sealed class EvalRankingCommand : CliCommand
{
    private readonly Option<string> _cases = new("--cases") { Description = "JSONL of {\"id\", \"statements\", \"request\", \"candidates\", \"best\"}", Required = true, HelpName = "FILE" };
    private readonly Option<bool> _verbose = new("--verbose") { Description = "Print every case whose top candidate is wrong" };

    public EvalRankingCommand(GlobalOptions globals, CliEnvironment environment)
        : base("ranking", "Score ranking from stated preferences: accuracy of the top candidate", globals, environment)
    {
        Options.Add(_cases);
        Options.Add(_verbose);
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        IReadOnlyList<RankingCase> cases = await RankingEvaluator.ReadCasesAsync(context.ParseResult.GetValue(_cases)!, cancellationToken);
        await using EvalStore store = EvalStore.Open(context);
        TextWriter output = context.Environment.Output;
        var results = new List<RankingCaseResult>(cases.Count);
        await foreach (RankingCaseResult result in RankingEvaluator.RunAsync(store.Host.Engine, context.Tenant, cases, cancellationToken))
        {
            results.Add(result);
            if (!result.IsHit && context.ParseResult.GetValue(_verbose))
            {
                RankingCase c = result.Case;
                await output.WriteLineAsync($"miss {c.Id}: chose [{result.Chosen}] {result.ChosenText} | expected [{c.Best}] {c.Candidates[c.Best]}");
            }
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"ranking: n={cases.Count} accuracy={RankingEvaluator.Accuracy(results):0.000}"));
        return ExitCodes.Success;
    }
}

/// <summary>
/// <c>penchant eval pairs [--data DIR] [--train a,b] [--test c] [--limit N]</c>: a population Bradley–Terry model trained on
/// some HH-RLHF splits and tested on another: pairwise accuracy and expected calibration error.
/// </summary>
internal sealed class EvalPairsCommand : CliCommand
{
    private readonly Option<string?> _data = HhOptions.Data();
    private readonly Option<string[]> _train = HhOptions.Splits("--train", "helpful-base,helpful-rejection-sampled");
    private readonly Option<string> _test = new("--test") { Description = "The test split", DefaultValueFactory = static _ => "helpful-online", HelpName = "SPLIT" };
    private readonly Option<int> _limit = new("--limit") { Description = "Pairs read from each split", DefaultValueFactory = static _ => 600, HelpName = "N" };
    private readonly Option<int> _seed = new("--seed") { Description = "The random seed", DefaultValueFactory = static _ => 17, HelpName = "S" };

    public EvalPairsCommand(GlobalOptions globals, CliEnvironment environment)
        : base("pairs", "Train the population reward model on HH-RLHF splits and test on another: accuracy and calibration (ECE)", globals, environment)
    {
        Options.Add(_data);
        Options.Add(_train);
        Options.Add(_test);
        Options.Add(_limit);
        Options.Add(_seed);
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ParseResult parse = context.ParseResult;
        string directory = HhRlhfData.ResolveDirectory(parse.GetValue(_data));
        string[] train = parse.GetValue(_train)!;
        using var embeddings = new MiniLmEmbeddingGenerator(context.Embeddings);
        PairsReport report = await PairsEvaluator.RunAsync(embeddings, directory, train, parse.GetValue(_test)!, parse.GetValue(_limit), parse.GetValue(_seed), cancellationToken);
        await context.Environment.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"train: {string.Join(",", train)} ({report.TrainPairs} pairs); test: {parse.GetValue(_test)}; temperature {report.Temperature:0.000}"));
        await context.Environment.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"pairs: n={report.TestPairs} accuracy={report.Accuracy:0.000} ece={report.ExpectedCalibrationError:0.000}"));
        return ExitCodes.Success;
    }
}
