using System.CommandLine;
using Penchant.Cli.Infrastructure;
using Penchant.Evaluation.Datasets;
using Penchant.Evaluation.Evaluators;
using Penchant.Signals;

namespace Penchant.Cli.Commands;

/// <summary>
/// <c>penchant eval prefeval-mcq [--data DIR] [--turns N] [--topics a,b] [--limit K] [--seed S] [--parallel P] [--fit-topics a,b [--dump-features FILE]] [--verbose]</c>:
/// PrefEval multiple choice after the preference is observed in conversation, ranked by the engine.
/// </summary>
internal sealed class EvalPrefEvalMcqCommand : CliCommand
{
    private readonly Option<string?> _data = new("--data")
    {
        Description = $"The PrefEval folder, or a data folder holding prefeval/ [default: {PrefEvalData.DefaultDirectory}]",
        HelpName = "DIR",
    };

    private readonly Option<int> _turns = new("--turns")
    {
        Description = "How many filler user/assistant pairs follow the preference",
        DefaultValueFactory = static _ => 300,
        HelpName = "N",
    };

    private readonly Option<string[]> _topics = EvalOptions.Topics("mcq_options");

    private readonly Option<int?> _limit = EvalOptions.Limit();

    private readonly Option<int> _seed = new("--seed") { Description = "The seed of the option shuffle", DefaultValueFactory = static _ => 17, HelpName = "S" };

    private readonly Option<int> _parallel = EvalOptions.Parallel();

    private readonly Option<string[]> _fitTopics = new("--fit-topics")
    {
        Description = "Instead of the conversation run: fit the stated-preference scorer on these topics from the preference text alone and report accuracy on them and on the other chosen topics",
        HelpName = "a,b",
        CustomParser = EvalOptions.CommaSeparated,
    };

    private readonly Option<string?> _dumpFeatures = new("--dump-features")
    {
        Description = "With --fit-topics: write every item's scorer features and embeddings (request, preference, clause objects, options) as JSON lines to this file",
        HelpName = "FILE",
    };

    private readonly Option<bool> _verbose = new("--verbose") { Description = "Print every item whose top-ranked option is wrong" };

    public EvalPrefEvalMcqCommand(GlobalOptions globals, CliEnvironment environment)
        : base("prefeval-mcq", "Score PrefEval multiple choice: the engine ranks the options after observing the preference and N filler turns", globals, environment)
    {
        _turns.NotNegative();
        Options.Add(_data);
        Options.Add(_turns);
        Options.Add(_topics);
        Options.Add(_limit);
        Options.Add(_seed);
        Options.Add(_parallel);
        Options.Add(_fitTopics);
        Options.Add(_dumpFeatures);
        Options.Add(_verbose);
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ParseResult parse = context.ParseResult;
        string directory = PrefEvalData.ResolveDirectory(parse.GetValue(_data));
        IReadOnlyList<string> available = PrefEvalMcq.ListTopics(directory);
        IReadOnlyList<string> topics = EvalOptions.ChooseTopics(available, parse.GetValue(_topics));

        int turns = parse.GetValue(_turns);
        IReadOnlyList<McqItem> items = await PrefEvalMcq.ReadAsync(directory, topics, parse.GetValue(_limit), cancellationToken);
        if (items.Count == 0)
        {
            throw new CliInputException($"{directory} has no multiple-choice items in the chosen topics.");
        }

        if (parse.GetValue(_fitTopics) is { Length: > 0 } fitTopics)
        {
            foreach (string topic in fitTopics.Where(t => !topics.Contains(t, StringComparer.Ordinal)))
            {
                throw new CliInputException($"--fit-topics: '{topic}' is not among the chosen topics ({string.Join(", ", topics)}).");
            }

            await using EvalStore fitStore = EvalStore.Open(context);
            await PrefEvalMcq.FitAsync(
                fitStore.Host.Services, items, fitTopics, parse.GetValue(_seed), parse.GetValue(_verbose), context.Environment.Output, cancellationToken, parse.GetValue(_dumpFeatures));
            return ExitCodes.Success;
        }

        IReadOnlyList<ConversationTurn> filler = await PrefEvalData.ReadFillerAsync(directory, turns, cancellationToken);
        await using EvalStore store = EvalStore.Open(context);
        IReadOnlyList<McqResult> results;
        using (ProgressBar? progress = ProgressBar.Create(context.Environment, items.Count, "items"))
        {
            results = await PrefEvalMcq.RunAsync(store.Host.Engine, context.Tenant, items, filler, parse.GetValue(_seed), parse.GetValue(_parallel), progress, cancellationToken);
        }

        PrefEvalMcq.Write(context.Environment.Output, results, turns, parse.GetValue(_verbose));
        return ExitCodes.Success;
    }
}
