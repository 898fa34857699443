using System.CommandLine;
using System.Globalization;
using Penchant.Cli.Infrastructure;
using Penchant.Evaluation.Datasets;
using Penchant.Evaluation.Evaluators;
using Penchant.Evaluation.Simulations;

namespace Penchant.Cli.Commands;

/// <summary>
/// <c>penchant eval edits [--data DIR] [--texts DIR] [--rounds N] [--task summarization|email] [--seed S]</c>: PRELUDE's
/// simulated editing user; the last line is <c>edits: task= rounds= cost= no_learning= oracle= ratio=</c> per task.
/// </summary>
internal sealed class EvalEditsCommand : CliCommand
{
    private readonly Option<string?> _data = new("--data") { Description = $"The PRELUDE folder, or a data folder holding prelude/ [default: {PreludeData.DefaultDirectory}]", HelpName = "DIR" };
    private readonly Option<string?> _texts = new("--texts") { Description = "The HH-RLHF folder the documents come from [default: hh-rlhf/ beside the PRELUDE folder]", HelpName = "DIR" };
    private readonly Option<int> _rounds = new("--rounds") { Description = "Rounds per task", DefaultValueFactory = static _ => 200, HelpName = "N" };
    private readonly Option<string?> _task = new("--task") { Description = "One task (summarization or email); both when absent" };
    private readonly Option<bool> _verbose = new("--verbose") { Description = "Print every round: the source, its cost and the styles used" };
    private readonly Option<int> _seed = new("--seed") { Description = "The seed of the sources' and documents' order", DefaultValueFactory = static _ => 0, HelpName = "S" };

    public EvalEditsCommand(GlobalOptions globals, CliEnvironment environment)
        : base("edits", "Simulate a user who edits outputs toward a hidden style per document source (PRELUDE): cumulative edit cost vs no learning and the oracle", globals, environment)
    {
        _task.AcceptOnlyFromAmong(PreludeData.Tasks);
        Options.Add(_data);
        Options.Add(_texts);
        Options.Add(_rounds);
        Options.Add(_task);
        Options.Add(_seed);
        Options.Add(_verbose);
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ParseResult parse = context.ParseResult;
        int rounds = parse.GetValue(_rounds);
        if (rounds < 1)
        {
            throw new CliInputException("--rounds must be at least 1.");
        }

        string prelude = PreludeData.ResolveDirectory(parse.GetValue(_data));
        string texts = HhRlhfData.ResolveDirectory(parse.GetValue(_texts) ?? Path.Combine(Path.GetDirectoryName(prelude)!, "hh-rlhf"));
        IReadOnlyList<string> documents = await EditsEvaluator.DocumentsAsync(texts, cancellationToken);
        string[] tasks = parse.GetValue(_task) is { } one ? [one] : PreludeData.Tasks;
        TextWriter output = context.Environment.Output;
        await using EvalStore store = EvalStore.Open(context);
        foreach (string task in tasks)
        {
            EditsReport report;
            IReadOnlyList<HiddenStyle> hidden;
            using (ProgressBar? progress = ProgressBar.Create(context.Environment, rounds, task))
            {
                (report, hidden) = await EditsEvaluator.RunAsync(store.Host.Engine, prelude, documents, task, rounds, parse.GetValue(_seed), progress, parse.GetValue(_verbose) ? output : null, cancellationToken);
            }

            foreach (HiddenStyle h in hidden)
            {
                string unrendered = h.Unrendered.Count == 0 ? "none" : string.Join(", ", h.Unrendered);
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"source {h.Source}: cost={report.CostBySource.GetValueOrDefault(h.Source)} not rendered: {unrendered}"));
            }

            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"halves: first={report.FirstHalfCost} second={report.SecondHalfCost}"));
            await output.WriteLineAsync(EditsEvaluator.Summary(report));
        }

        return ExitCodes.Success;
    }
}
