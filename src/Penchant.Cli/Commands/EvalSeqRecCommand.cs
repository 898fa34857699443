using System.CommandLine;
using System.Globalization;
using Penchant.Cli.Infrastructure;
using Penchant.Evaluation.Datasets;
using Penchant.Evaluation.Evaluators;
using Penchant.Recommending;

namespace Penchant.Cli.Commands;

/// <summary>
/// <c>penchant eval seqrec [--data DIR] [--negatives N] [--seed S] [model settings]</c>: next-item recommendation,
/// leave-one-out, the held-out item ranked against negatives drawn by popularity.
/// </summary>
internal sealed class EvalSeqRecCommand : CliCommand
{
    private static readonly NextItemOptions Defaults = new();
    private readonly Option<string?> _data = new("--data")
    {
        Description = $"A 'user item' file, a folder holding {InteractionSequences.FileName}, or a data root holding beauty/ [default: {InteractionSequences.DefaultDirectory}]",
        HelpName = "DIR",
    };

    private readonly Option<int> _negatives = new("--negatives") { Description = "Negatives per held-out item, drawn by popularity", DefaultValueFactory = static _ => 100, HelpName = "N" };
    private readonly Option<int> _seed = new("--seed") { Description = "The seed of the negatives", DefaultValueFactory = static _ => 17, HelpName = "S" };
    private readonly Option<int> _window = new("--window") { Description = "Later choices that count as following one", DefaultValueFactory = static _ => Defaults.Window, HelpName = "W" };
    private readonly Option<double> _stepDecay = new("--step-decay") { Description = "Weight of each further step within the window", DefaultValueFactory = static _ => Defaults.StepDecay, HelpName = "D" };
    private readonly Option<double> _backward = new("--backward") { Description = "Weight of a link to an earlier choice", DefaultValueFactory = static _ => Defaults.BackwardWeight, HelpName = "B" };
    private readonly Option<double> _alpha = new("--alpha") { Description = "Normalisation split between a link's two items (0.5: cosine)", DefaultValueFactory = static _ => Defaults.Alpha, HelpName = "A" };
    private readonly Option<double> _shrinkage = new("--shrinkage") { Description = "Count added to every item's before normalising", DefaultValueFactory = static _ => Defaults.Shrinkage, HelpName = "C" };
    private readonly Option<int> _neighbors = new("--neighbors") { Description = "Links kept per item", DefaultValueFactory = static _ => Defaults.Neighbors, HelpName = "M" };
    private readonly Option<double> _historyDecay = new("--history-decay") { Description = "Weight of each earlier choice of a history", DefaultValueFactory = static _ => Defaults.HistoryDecay, HelpName = "H" };
    private readonly Option<int> _historyLength = new("--history-length") { Description = "Latest choices read", DefaultValueFactory = static _ => Defaults.HistoryLength, HelpName = "L" };

    private readonly Option<double> _hopWeight = new("--hop-weight") { Description = "Weight of an item reached in two steps", DefaultValueFactory = static _ => Defaults.HopWeight, HelpName = "G" };
    private readonly Option<int> _hopSeeds = new("--hop-seeds") { Description = "Best items reached in one step that are followed a second (0: none)", DefaultValueFactory = static _ => Defaults.HopSeeds, HelpName = "K" };

    public EvalSeqRecCommand(GlobalOptions globals, CliEnvironment environment)
        : base("seqrec", "Next-item recommendation over users' sequences of choices: leave-one-out, ranked against popularity-sampled negatives", globals, environment)
    {
        Options.Add(_data);
        Options.Add(_negatives);
        Options.Add(_seed);
        Options.Add(_window);
        Options.Add(_stepDecay);
        Options.Add(_backward);
        Options.Add(_alpha);
        Options.Add(_shrinkage);
        Options.Add(_neighbors);
        Options.Add(_historyDecay);
        Options.Add(_historyLength);
        Options.Add(_hopWeight);
        Options.Add(_hopSeeds);
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ParseResult parse = context.ParseResult;
        var options = new NextItemOptions
        {
            Window = parse.GetValue(_window),
            StepDecay = parse.GetValue(_stepDecay),
            BackwardWeight = parse.GetValue(_backward),
            Alpha = parse.GetValue(_alpha),
            Shrinkage = parse.GetValue(_shrinkage),
            Neighbors = parse.GetValue(_neighbors),
            HistoryDecay = parse.GetValue(_historyDecay),
            HistoryLength = parse.GetValue(_historyLength),
            HopWeight = parse.GetValue(_hopWeight),
            HopSeeds = parse.GetValue(_hopSeeds),
        };
        InteractionSequences data = await InteractionSequences.ReadAsync(parse.GetValue(_data), cancellationToken);
        NextItemReport report = NextItemEvaluator.Run(data, options, parse.GetValue(_negatives), parse.GetValue(_seed), cancellationToken);
        TextWriter output = context.Environment.Output;
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"data: {data.Sequences.Count} users, {report.Items} items, {report.Actions} choices; {parse.GetValue(_negatives)} negatives by popularity; model keeps {report.Links} links"));
        await output.WriteLineAsync(Line("most-popular validation", report.PopularValidation));
        await output.WriteLineAsync(Line("most-popular test", report.PopularTest));
        await output.WriteLineAsync(Line("validation", report.Validation));
        await output.WriteLineAsync(Line("seqrec", report.Test) + string.Create(CultureInfo.InvariantCulture, $" train_s={report.TrainSeconds:0.0}"));
        return ExitCodes.Success;
    }

    private static string Line(string name, NextItemScores s) => string.Create(
        CultureInfo.InvariantCulture,
        $"{name}: users={s.Users} hr1={s.Hr1:0.0000} hr5={s.Hr5:0.0000} hr10={s.Hr10:0.0000} ndcg5={s.Ndcg5:0.0000} ndcg10={s.Ndcg10:0.0000} mrr={s.Mrr:0.0000}");
}
