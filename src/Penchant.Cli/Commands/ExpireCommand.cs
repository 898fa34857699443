using Penchant.Cli.Infrastructure;

namespace Penchant.Cli.Commands;

/// <summary>
/// <c>penchant expire</c>: forgets every expired preference of every user in the store, as <c>forget</c> does (the text of
/// the signals they came from is erased). The service does this in the background; expired preferences are never listed
/// or selected either way.
/// </summary>
internal sealed class ExpireCommand(GlobalOptions globals, CliEnvironment environment)
    : CliCommand("expire", "Forget every expired preference in the store and erase the text it came from", globals, environment)
{
    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        await using EngineHost host = await context.OpenEngineAsync(cancellationToken);
        context.Output.WriteExpired(await host.Engine.RemoveExpiredAsync(cancellationToken));
        return ExitCodes.Success;
    }
}
