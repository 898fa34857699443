using System.CommandLine;
using Penchant.Cli.Infrastructure;
using Penchant.Domain;
using Penchant.Signals;

namespace Penchant.Cli.Commands;

/// <summary>
/// <c>penchant principle confirm|delete PRINCIPLE_ID</c> and <c>penchant principle correct PRINCIPLE_ID --text TEXT</c>: the
/// user's verdict on a principle from <c>explain</c>, recorded as a signal (a correction becomes a stated preference).
/// </summary>
internal sealed class PrincipleCommand : Command
{
    public PrincipleCommand(GlobalOptions globals, CliEnvironment environment)
        : base("principle", "Confirm, correct or delete one of the user's principles (ids from explain)")
    {
        Subcommands.Add(new VerdictCommand("confirm", "Confirm a principle: explain marks it confirmed", PrincipleVerdictKind.Confirm, globals, environment));
        Subcommands.Add(new VerdictCommand("correct", "Correct a principle: explain no longer shows it, and --text becomes a stated preference", PrincipleVerdictKind.Correct, globals, environment));
        Subcommands.Add(new VerdictCommand("delete", "Delete a principle: explain no longer shows it", PrincipleVerdictKind.Delete, globals, environment));
    }

    private sealed class VerdictCommand : CliCommand
    {
        private readonly PrincipleVerdictKind _verdict;
        private readonly Argument<string> _principleId = new("principle-id") { Description = "The principle (the id in brackets in explain's output)" };
        private readonly Option<string?> _text = new("--text") { Description = "The principle in the user's own words", HelpName = "TEXT" };

        public VerdictCommand(string name, string description, PrincipleVerdictKind verdict, GlobalOptions globals, CliEnvironment environment)
            : base(name, description, globals, environment)
        {
            _verdict = verdict;
            Arguments.Add(_principleId);
            if (verdict == PrincipleVerdictKind.Correct)
            {
                _text.Required = true;
                Options.Add(_text);
            }
        }

        protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
        {
            var verdict = new PrincipleVerdict(context.ParseResult.GetValue(_principleId)!, _verdict, _verdict == PrincipleVerdictKind.Correct ? context.ParseResult.GetValue(_text) : null);
            await using EngineHost host = await context.OpenEngineAsync(cancellationToken);
            WriteResult result = await host.Engine.JudgePrincipleAsync(context.User, verdict, cancellationToken);
            context.Output.WriteWrite(result);
            return ExitCodes.Success;
        }
    }
}
