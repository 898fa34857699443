using System.CommandLine;
using Penchant.Cli.Infrastructure;
using Penchant.Domain;

namespace Penchant.Cli.Commands;

/// <summary><c>penchant forget PREFERENCE_ID</c>: forgets a preference and erases the text it came from.</summary>
internal sealed class ForgetCommand : CliCommand
{
    private readonly Argument<string> _preferenceId = new("preference-id") { Description = "The preference to forget (from list)" };

    public ForgetCommand(GlobalOptions globals, CliEnvironment environment)
        : base("forget", "Forget a preference and erase the text of the signals it came from", globals, environment)
    {
        Arguments.Add(_preferenceId);
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        UserKey user = context.User;
        string preferenceId = context.ParseResult.GetValue(_preferenceId)!;
        await using EngineHost host = await context.OpenEngineAsync(cancellationToken);
        await host.Engine.ForgetAsync(user, preferenceId, cancellationToken);
        context.Output.WriteForgotten(preferenceId);
        return ExitCodes.Success;
    }
}
