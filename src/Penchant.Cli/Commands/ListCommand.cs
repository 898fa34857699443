using Penchant.Cli.Infrastructure;
using Penchant.Domain;

namespace Penchant.Cli.Commands;

/// <summary><c>penchant list</c>: lists the user's current preferences.</summary>
internal sealed class ListCommand(GlobalOptions globals, CliEnvironment environment)
    : CliCommand("list", "List the user's current preferences, oldest first", globals, environment)
{
    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        UserKey user = context.User;
        await using EngineHost host = context.OpenEngine();
        context.Output.WritePreferences(await host.Engine.ListAsync(user, cancellationToken));
        return ExitCodes.Success;
    }
}
