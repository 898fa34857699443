using System.CommandLine;
using Penchant.Cli.Infrastructure;
using Penchant.Evaluation.Datasets;
using Penchant.Evaluation.Evaluators;

namespace Penchant.Cli.Commands;

/// <summary>
/// <c>penchant eval prefeval-multi [--data DIR] [--topics a,b] [--cases N] [--seed S] [--fit-topics c,d] [--fit-min-preferences N]</c>: selection
/// across PrefEval topics. Each case is a user holding 8 explicit preferences and one question: a preference's own (expected:
/// that one) or, for a third of the cases, one whose preference the user does not hold (expected: nothing). With
/// <c>--fit-topics</c>, a gate is fitted on cases built from those topics (another seed) and scores the cases instead of the
/// shipped gate: leave-topics-out when they are disjoint from <c>--topics</c>, in-topic when they are the same.
/// </summary>
internal sealed class EvalPrefEvalMultiCommand : CliCommand
{
    private readonly Option<string?> _data = new("--data")
    {
        Description = $"The PrefEval folder, or a data folder holding prefeval/ [default: {PrefEvalData.DefaultDirectory}]",
        HelpName = "DIR",
    };

    private readonly Option<string[]> _topics = EvalOptions.Topics("explicit_preference");

    private readonly Option<int> _cases = new("--cases") { Description = "How many cases", DefaultValueFactory = static _ => 300, HelpName = "N" };

    private readonly Option<int> _seed = new("--seed") { Description = "The random seed of the cases (fit cases use seed + 1)", DefaultValueFactory = static _ => 17, HelpName = "S" };

    private readonly Option<string[]> _fitTopics = new("--fit-topics")
    {
        Description = "Fit a gate on cases of these topics (comma-separated) and score with it instead of the shipped gate",
        HelpName = "a,b,…",
        CustomParser = EvalOptions.CommaSeparated,
    };

    private readonly Option<int> _fitMinPreferences = new("--fit-min-preferences")
    {
        Description = $"With --fit-topics: the fewest preferences a fit case's user holds (each draws between this and {PrefEvalMultiEvaluator.PreferencesPerUser}), as train gate's --min-preferences",
        DefaultValueFactory = static _ => PrefEvalMultiEvaluator.PreferencesPerUser,
        HelpName = "N",
    };

    private readonly Option<bool> _noHints = new("--no-hints") { Description = "With --fit-topics: fit and score the gate without the similarity to hinted kinds of requests (the lexicon's hints)" };

    private readonly Option<string?> _dumpFeatures = new("--dump-features")
    {
        Description = "Also write the gate's features of every scored (case, preference) pair with whether it applies, as CSV",
        HelpName = "FILE",
    };

    private readonly Option<string?> _gate = new("--gate")
    {
        Description = "Score with this gate model (JSON, as `penchant train gate` writes it) instead of the shipped one",
        HelpName = "FILE",
    };

    private readonly Option<bool> _verbose = new("--verbose") { Description = "Print every case that is not exactly right" };

    public EvalPrefEvalMultiCommand(GlobalOptions globals, CliEnvironment environment)
        : base("prefeval-multi", "Score selection among 8 PrefEval preferences from unrelated topics: precision, recall, F1, exact, none_exact, ECE", globals, environment)
    {
        Options.Add(_data);
        Options.Add(_topics);
        Options.Add(_cases);
        Options.Add(_seed);
        Options.Add(_fitTopics);
        Options.Add(_fitMinPreferences);
        Options.Add(_noHints);
        Options.Add(_dumpFeatures);
        Options.Add(_gate);
        Options.Add(_verbose);
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ParseResult parse = context.ParseResult;
        int count = parse.GetValue(_cases);
        if (count < 1)
        {
            throw new CliInputException("--cases must be 1 or more.");
        }

        string directory = PrefEvalData.ResolveDirectory(parse.GetValue(_data));
        IReadOnlyList<string> available = PrefEvalData.ListTopics(directory);
        IReadOnlyList<string> topics = EvalOptions.ChooseTopics(available, parse.GetValue(_topics));
        int seed = parse.GetValue(_seed);
        IReadOnlyList<SelectionCase> cases = PrefEvalMultiEvaluator.BuildCases(await PrefEvalData.ReadItemsAsync(directory, topics, null, cancellationToken), count, seed);
        int fitMinPreferences = parse.GetValue(_fitMinPreferences);
        if (fitMinPreferences is < 1 or > PrefEvalMultiEvaluator.PreferencesPerUser)
        {
            throw new CliInputException($"--fit-min-preferences must be between 1 and {PrefEvalMultiEvaluator.PreferencesPerUser}.");
        }

        IReadOnlyList<SelectionCase>? fit = null;
        if (parse.GetValue(_fitTopics) is { Length: > 0 } fitTopics)
        {
            fit = PrefEvalMultiEvaluator.BuildCases(await PrefEvalData.ReadItemsAsync(directory, EvalOptions.ChooseTopics(available, fitTopics), null, cancellationToken), count, seed + 1, fitMinPreferences);
        }

        await using EvalStore store = EvalStore.Open(context);
        SelectionReport report;
        using (ProgressBar? progress = ProgressBar.Create(context.Environment, cases.Count + (fit?.Count ?? 0), "cases"))
        {
            string? dump = parse.GetValue(_dumpFeatures);
            await using StreamWriter? features = dump is null ? null : new StreamWriter(dump);
            report = await PrefEvalMultiEvaluator.RunAsync(store.Host.Engine, store.Host.Services, context.Tenant, cases, fit, !parse.GetValue(_noHints), features, parse.GetValue(_gate), progress, cancellationToken);
        }

        context.Output.WriteSelectionReport(report, parse.GetValue(_verbose));
        return ExitCodes.Success;
    }
}
