using Penchant.Cli.Infrastructure;
using Penchant.Domain;

namespace Penchant.Cli.Commands;

/// <summary><c>penchant history</c>: lists every preference the user has had, marking superseded ones.</summary>
internal sealed class HistoryCommand(GlobalOptions globals, CliEnvironment environment)
    : CliCommand("history", "List every preference the user has had, including superseded ones", globals, environment)
{
    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        UserKey user = context.User;
        await using EngineHost host = await context.OpenEngineAsync(cancellationToken);
        context.Output.WriteHistory(await host.Engine.HistoryAsync(user, cancellationToken));
        return ExitCodes.Success;
    }
}
