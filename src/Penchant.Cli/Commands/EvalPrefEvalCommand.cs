using System.CommandLine;
using Penchant.Cli.Infrastructure;
using Penchant.Evaluation.Datasets;
using Penchant.Evaluation.Evaluators;
using Penchant.Signals;

namespace Penchant.Cli.Commands;

/// <summary>
/// <c>penchant eval prefeval --turns N [--data DIR] [--topics a,b] [--limit K] [--verbose]</c>: PrefEval explicit
/// preferences. Each item's user observes the preference, an acknowledgement and N filler pairs in one call; then the
/// engine selects for the question, and a hit is a selected preference that came from the preference turn.
/// With <c>--form explicit|choice|persona</c> the items run through the chat middleware instead (<see cref="MiddlewarePrefEvalEvaluator"/>),
/// in any of PrefEval's three forms.
/// </summary>
internal sealed class EvalPrefEvalCommand : CliCommand
{
    private readonly Option<string?> _data = new("--data")
    {
        Description = $"The PrefEval folder, or a data folder holding prefeval/ [default: {PrefEvalData.DefaultDirectory}]",
        HelpName = "DIR",
    };

    private readonly Option<int> _turns = new("--turns")
    {
        Description = "How many filler user/assistant pairs follow the preference (PrefEval uses 10, 70, 300)",
        HelpName = "N",
        Required = true,
    };

    private readonly Option<string[]> _topics = EvalOptions.Topics("explicit_preference");

    private readonly Option<int?> _limit = EvalOptions.Limit();

    private readonly Option<int> _parallel = EvalOptions.Parallel();

    private readonly Option<string?> _form = new("--form")
    {
        Description = "Run through the UsePreferences() chat middleware, with PrefEval's explicit, implicit choice-based or implicit persona-driven preferences [default: the engine path, explicit]",
        HelpName = "explicit|choice|persona",
    };

    private readonly Option<bool> _verbose = new("--verbose") { Description = "Print every item whose top selection is not the preference" };

    public EvalPrefEvalCommand(GlobalOptions globals, CliEnvironment environment)
        : base("prefeval", "Score selection of PrefEval explicit preferences after N filler turns: hit@1, hit@5, precision", globals, environment)
    {
        _turns.NotNegative();
        Options.Add(_data);
        Options.Add(_turns);
        Options.Add(_topics);
        Options.Add(_limit);
        Options.Add(_parallel);
        _form.AcceptOnlyFromAmong(PrefEvalForms.Names);
        Options.Add(_form);
        Options.Add(_verbose);
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ParseResult parse = context.ParseResult;
        string directory = PrefEvalData.ResolveDirectory(parse.GetValue(_data));
        IReadOnlyList<string> available = PrefEvalData.ListTopics(directory);
        IReadOnlyList<string> topics = EvalOptions.ChooseTopics(available, parse.GetValue(_topics));

        int turns = parse.GetValue(_turns);
        if (parse.GetValue(_form) is { } form)
        {
            return await RunMiddlewareAsync(context, directory, form, topics, turns, cancellationToken);
        }

        IReadOnlyList<PrefEvalItem> items = await PrefEvalData.ReadItemsAsync(directory, topics, parse.GetValue(_limit), cancellationToken);
        if (items.Count == 0)
        {
            throw new CliInputException($"{directory} has no explicit preferences in the chosen topics.");
        }

        IReadOnlyList<ConversationTurn> filler = await PrefEvalData.ReadFillerAsync(directory, turns, cancellationToken);

        await using EvalStore store = EvalStore.Open(context);
        PrefEvalReport report;
        using (ProgressBar? progress = ProgressBar.Create(context.Environment, items.Count, "items"))
        {
            report = await PrefEvalEvaluator.RunAsync(store.Host.Engine, context.Tenant, items, filler, parse.GetValue(_parallel), progress, cancellationToken);
        }

        context.Output.WritePrefEvalReport(report, parse.GetValue(_verbose));
        return ExitCodes.Success;
    }

    private async Task<int> RunMiddlewareAsync(CommandContext context, string directory, string form, IReadOnlyList<string> topics, int turns, CancellationToken cancellationToken)
    {
        ParseResult parse = context.ParseResult;
        IReadOnlyList<PrefEvalConversation> items = await PrefEvalForms.ReadAsync(directory, form, topics, parse.GetValue(_limit), cancellationToken);
        if (items.Count == 0)
        {
            throw new CliInputException($"{directory} has no {form} preferences in the chosen topics.");
        }

        IReadOnlyList<ConversationTurn> filler = await PrefEvalData.ReadFillerAsync(directory, turns, cancellationToken);
        await using EvalStore store = EvalStore.Open(context);
        (PrefEvalReport Report, double FillerPreferences, int MissingBlocks) result;
        using (ProgressBar? progress = ProgressBar.Create(context.Environment, items.Count, "items"))
        {
            result = await MiddlewarePrefEvalEvaluator.RunAsync(store.Host.Engine, context.Tenant, items, filler, parse.GetValue(_parallel), progress, cancellationToken);
        }

        if (!context.Json)
        {
            await context.Environment.Output.WriteLineAsync(string.Create(
                System.Globalization.CultureInfo.InvariantCulture,
                $"middleware: form={form} hit1={result.Report.Overall.Hit1Rate:0.000} hit5={result.Report.Overall.Hit5Rate:0.000} filler_preferences_per_user={result.FillerPreferences:0.00} (from {turns} filler user turns) block_mismatches={result.MissingBlocks}"));
        }

        context.Output.WritePrefEvalReport(result.Report, parse.GetValue(_verbose));
        return ExitCodes.Success;
    }
}
