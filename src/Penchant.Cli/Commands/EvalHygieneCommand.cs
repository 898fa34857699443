using System.CommandLine;
using Penchant.Cli.Infrastructure;
using Penchant.Evaluation.Evaluators;

namespace Penchant.Cli.Commands;

/// <summary><c>penchant eval hygiene [--data DIR] [--verbose]</c>: duplicates after repeated statements, and what revisions supersede.</summary>
internal sealed class EvalHygieneCommand : CliCommand
{
    private readonly Option<string> _data = new("--data")
    {
        Description = "The folder holding repetition.jsonl and updates.jsonl",
        HelpName = "DIR",
        DefaultValueFactory = static _ => Path.Combine("eval", "hygiene"),
    };

    private readonly Option<bool> _verbose = new("--verbose") { Description = "Print every duplicate, wrong merge and wrong update" };

    public EvalHygieneCommand(GlobalOptions globals, CliEnvironment environment)
        : base("hygiene", "Count duplicate preferences after repeated statements, and check that revisions supersede exactly what they revise", globals, environment)
    {
        Options.Add(_data);
        Options.Add(_verbose);
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        await using EvalStore store = EvalStore.Open(context);
        HygieneReport report = await HygieneEvaluator.RunAsync(store.Host.Engine, context.Tenant, context.ParseResult.GetValue(_data)!, progress: null, cancellationToken);
        context.Output.WriteHygieneReport(report, context.ParseResult.GetValue(_verbose));
        return ExitCodes.Success;
    }
}
