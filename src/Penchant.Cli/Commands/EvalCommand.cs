using Penchant.Cli.Infrastructure;

namespace Penchant.Cli.Commands;

/// <summary><c>penchant eval …</c>: quality evaluations that anyone can rerun; the last line printed is the summary.</summary>
internal sealed class EvalCommand : System.CommandLine.Command
{
    public EvalCommand(GlobalOptions globals, CliEnvironment environment)
        : base("eval", "Measure the engine on evaluation data (each run uses a fresh temporary store unless --db is given)")
    {
        Subcommands.Add(new EvalSelectionCommand(globals, environment));
        Subcommands.Add(new EvalPrefEvalCommand(globals, environment));
        Subcommands.Add(new EvalPrefEvalMultiCommand(globals, environment));
        Subcommands.Add(new EvalHygieneCommand(globals, environment));
        Subcommands.Add(new EvalReactionsCommand(globals, environment));
        Subcommands.Add(new EvalExtractionCommand(globals, environment));
        Subcommands.Add(new EvalPrefEvalMcqCommand(globals, environment));
        Subcommands.Add(new EvalPluralisticCommand(globals, environment));
        Subcommands.Add(new EvalCyclicCommand(globals, environment));
        Subcommands.Add(new EvalRankingCommand(globals, environment));
        Subcommands.Add(new EvalPairsCommand(globals, environment));
        Subcommands.Add(new EvalSeqRecCommand(globals, environment));
        Subcommands.Add(new EvalBanditCommand(globals, environment));
        Subcommands.Add(new EvalOpeCommand(globals, environment));
        Subcommands.Add(new EvalEditsCommand(globals, environment));
        Subcommands.Add(new EvalPrinciplesCommand(globals, environment));
        Subcommands.Add(new EvalFeedbackCommand(globals, environment));
    }
}
