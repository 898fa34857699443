using System.CommandLine;
using Penchant.Cli.Infrastructure;
using Penchant.Evaluation.Evaluators;

namespace Penchant.Cli.Commands;

/// <summary>
/// <c>penchant eval selection --cases FILE [--split tune|holdout|all] [--verbose]</c>: remembers each case's statements
/// as a fresh user, selects for its request, and scores the selection against the expected statements.
/// </summary>
internal sealed class EvalSelectionCommand : CliCommand
{
    private readonly Option<string> _cases = new("--cases")
    {
        Description = "JSON Lines of {\"id\", \"statements\": [{\"text\", \"at\"}], \"request\", \"expected\": [indices], \"category\"?, \"split\"?}",
        HelpName = "FILE",
        Required = true,
    };

    private readonly Option<string> _split = new("--split")
    {
        Description = "Run only the cases of this split (cases without a split always run)",
        DefaultValueFactory = static _ => "all",
    };

    private readonly Option<bool> _verbose = new("--verbose") { Description = "Print every case that is not exactly right" };

    private readonly Option<string?> _dumpFeatures = new("--dump-features")
    {
        Description = "Also write the gate's features of every (case, preference) pair with whether it applies, as CSV (to refit the gate's weights)",
        HelpName = "FILE",
    };

    private readonly Option<string?> _gate = new("--gate")
    {
        Description = "Select with this gate model (JSON, as `penchant train gate` writes it) instead of the shipped one",
        HelpName = "FILE",
    };

    public EvalSelectionCommand(GlobalOptions globals, CliEnvironment environment)
        : base("selection", "Score selection on remembered statements: micro precision, recall, F1 and exact-set match", globals, environment)
    {
        _split.AcceptOnlyFromAmong(SelectionEvaluator.Splits);
        Options.Add(_cases);
        Options.Add(_split);
        Options.Add(_verbose);
        Options.Add(_dumpFeatures);
        Options.Add(_gate);
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        string file = context.ParseResult.GetValue(_cases)!;
        string split = context.ParseResult.GetValue(_split)!;

        IReadOnlyList<SelectionCase> cases;
        using (TextReader reader = InputFiles.OpenText(file, context.Environment))
        {
            cases = await SelectionEvaluator.ReadCasesAsync(reader, file, split, cancellationToken);
        }

        if (cases.Count == 0)
        {
            throw new CliInputException($"{file} has no cases{(split == "all" ? string.Empty : $" in split '{split}'")}.");
        }

        await using EvalStore store = EvalStore.Open(context);
        SelectionReport report;
        using (ProgressBar? progress = ProgressBar.Create(context.Environment, cases.Count, "cases"))
        {
            string? dump = context.ParseResult.GetValue(_dumpFeatures);
            await using StreamWriter? features = dump is null ? null : new StreamWriter(dump);
            report = await SelectionEvaluator.RunAsync(store.Host.Engine, store.Host.Services, context.Tenant, cases, progress, features, context.ParseResult.GetValue(_gate), cancellationToken);
        }

        context.Output.WriteSelectionReport(report, context.ParseResult.GetValue(_verbose));
        return ExitCodes.Success;
    }
}
