using Penchant.Cli.Infrastructure;
using Penchant.Domain;

namespace Penchant.Cli.Commands;

/// <summary><c>penchant list</c>: lists the user's current preferences.</summary>
internal sealed class ListCommand : CliCommand
{
    private readonly System.CommandLine.Option<string[]> _metadata = MetadataOption.Create("Only preferences with this metadata, for example app=mail (repeatable; all must match)");

    public ListCommand(GlobalOptions globals, CliEnvironment environment)
        : base("list", "List the user's current preferences that have not expired, oldest first", globals, environment)
    {
        Options.Add(_metadata);
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        UserKey user = context.User;
        MetadataFilter filter = MetadataOption.Filter(context.ParseResult.GetValue(_metadata));
        await using EngineHost host = await context.OpenEngineAsync(cancellationToken);
        context.Output.WritePreferences(await host.Engine.ListAsync(user, filter, cancellationToken));
        return ExitCodes.Success;
    }
}
