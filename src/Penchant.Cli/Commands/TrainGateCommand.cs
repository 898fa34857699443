using System.CommandLine;
using System.Globalization;
using Penchant.Cli.Infrastructure;
using Penchant.Evaluation.Datasets;
using Penchant.Evaluation.Evaluators;
using Penchant.Numerics;

namespace Penchant.Cli.Commands;

/// <summary>
/// <c>penchant train gate --out FILE [--data DIR] [--topics a,b] [--prefeval-cases N] [--min-preferences N] [--seed S] [--cases FILE ...] [--split tune]
/// [--no-hints]</c>: fits the selection gate from labelled (request, preference, applies) pairs — PrefEval cross-topic cases
/// built as <c>eval prefeval-multi</c> builds them, and hand-written selection cases — and writes the model as JSON (the
/// shipped one is <c>src/Penchant/Selecting/Resources/gate-model.json</c>). The command line is stored in the file.
/// </summary>
internal sealed class TrainGateCommand : CliCommand
{
    private readonly Option<string> _out = new("--out") { Description = "Where to write the model (JSON)", HelpName = "FILE", Required = true };

    private readonly Option<string?> _data = new("--data")
    {
        Description = $"The PrefEval folder, or a data folder holding prefeval/ [default: {PrefEvalData.DefaultDirectory}]",
        HelpName = "DIR",
    };

    private readonly Option<string[]> _topics = EvalOptions.Topics("explicit_preference");

    private readonly Option<int> _prefevalCases = new("--prefeval-cases") { Description = "How many PrefEval cross-topic cases (0 for none)", DefaultValueFactory = static _ => 600, HelpName = "N" };

    private readonly Option<int> _minPreferences = new("--min-preferences")
    {
        Description = $"The fewest preferences a PrefEval case's user holds: each case draws between this and {PrefEvalMultiEvaluator.PreferencesPerUser}, so the gate also meets users with few preferences",
        DefaultValueFactory = static _ => PrefEvalMultiEvaluator.PreferencesPerUser,
        HelpName = "N",
    };

    private readonly Option<int> _seed = new("--seed") { Description = "The seed of the PrefEval cases (use another than the evaluation's)", DefaultValueFactory = static _ => 1, HelpName = "S" };

    private readonly Option<string[]> _cases = new("--cases")
    {
        Description = "Hand-written selection cases (JSON Lines, as eval selection reads); repeat for several files, each a source of its own",
        HelpName = "FILE",
    };

    private readonly Option<string> _split = new("--split") { Description = "The split of --cases to fit on (cases without a split are always kept)", DefaultValueFactory = static _ => "tune" };

    private readonly Option<bool> _balance = new("--balance") { Description = "Let each source (PrefEval cases, each --cases file) count as much as the others in the fit, whatever their sizes" };

    private readonly Option<string?> _dumpFeatures = new("--dump-features")
    {
        Description = "Also write every fitted pair's features with whether it applies, as CSV",
        HelpName = "FILE",
    };

    private readonly Option<bool> _noHints = new("--no-hints") { Description = "Fit without the similarity to hinted kinds of requests (to measure the lexicon's worth)" };

    public TrainGateCommand(GlobalOptions globals, CliEnvironment environment)
        : base("gate", "Fit the selection gate and its calibration from PrefEval cross-topic cases and hand-written selection cases", globals, environment)
    {
        _split.AcceptOnlyFromAmong(SelectionEvaluator.Splits);
        Options.Add(_out);
        Options.Add(_data);
        Options.Add(_topics);
        Options.Add(_prefevalCases);
        Options.Add(_minPreferences);
        Options.Add(_seed);
        Options.Add(_cases);
        Options.Add(_split);
        Options.Add(_balance);
        Options.Add(_noHints);
        Options.Add(_dumpFeatures);
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ParseResult parse = context.ParseResult;
        var sets = new List<KeyValuePair<string, IReadOnlyList<SelectionCase>>>();
        int prefevalCases = parse.GetValue(_prefevalCases);
        if (prefevalCases < 0)
        {
            throw new CliInputException("--prefeval-cases must be 0 or more.");
        }

        int minPreferences = parse.GetValue(_minPreferences);
        if (minPreferences is < 1 or > PrefEvalMultiEvaluator.PreferencesPerUser)
        {
            throw new CliInputException($"--min-preferences must be between 1 and {PrefEvalMultiEvaluator.PreferencesPerUser}.");
        }

        if (prefevalCases > 0)
        {
            string directory = PrefEvalData.ResolveDirectory(parse.GetValue(_data));
            IReadOnlyList<string> topics = EvalOptions.ChooseTopics(PrefEvalData.ListTopics(directory), parse.GetValue(_topics));
            IReadOnlyList<PrefEvalItem> items = await PrefEvalData.ReadItemsAsync(directory, topics, null, cancellationToken);
            sets.Add(new("prefeval-multi", PrefEvalMultiEvaluator.BuildCases(items, prefevalCases, parse.GetValue(_seed), minPreferences)));
        }

        foreach (string file in parse.GetValue(_cases) ?? [])
        {
            using TextReader reader = InputFiles.OpenText(file, context.Environment);
            sets.Add(new(file, await SelectionEvaluator.ReadCasesAsync(reader, file, parse.GetValue(_split)!, cancellationToken)));
        }

        if (sets.Sum(static s => s.Value.Count) == 0)
        {
            throw new CliInputException("Nothing to fit on: give --prefeval-cases above 0 or --cases with cases in the split.");
        }

        string comment = string.Create(
            CultureInfo.InvariantCulture,
            $"Fitted by `penchant {string.Join(' ', parse.Tokens.Select(static t => t.Value))}` on {string.Join(" and ", sets.Select(static s => $"{s.Value.Count} cases of {s.Key}"))}: an L2-regularised logistic regression over the gate's features, Platt-scaled on 5-fold out-of-fold logits (cases kept whole), threshold at the best out-of-fold F1 over pairs. See eval/README.md, \"The selection gate\".");

        string output = parse.GetValue(_out)!;
        await using EvalStore store = EvalStore.Open(context);
        GateTrainingReport report;
        using (ProgressBar? progress = ProgressBar.Create(context.Environment, sets.Sum(static s => s.Value.Count), "cases"))
        {
            await using FileStream stream = File.Create(output);
            string? dump = parse.GetValue(_dumpFeatures);
            await using StreamWriter? features = dump is null ? null : new StreamWriter(dump);
            report = await GateTraining.TrainAsync(store.Host.Engine, store.Host.Services, context.Tenant, sets, parse.GetValue(_balance), !parse.GetValue(_noHints), comment, stream, features, progress, cancellationToken);
        }

        TextWriter writer = context.Environment.Output;
        foreach (ReliabilityBin bin in report.Reliability)
        {
            await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"reliability [{bin.Lower:0.00}, {bin.Upper:0.00}): n={bin.Count} mean_p={bin.MeanProbability:0.000} observed={bin.Observed:0.000}"));
        }

        await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"train-gate: cases={string.Join('+', report.Cases.Select(static c => c.Value))} pairs={report.Pairs} positives={report.Positives} threshold={report.Threshold:0.00} oof_ece={report.OutOfFoldEce:0.000} out={output}"));
        return ExitCodes.Success;
    }
}
