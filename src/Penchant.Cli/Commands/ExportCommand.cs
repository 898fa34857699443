using System.CommandLine;
using System.Text.Json;
using Penchant.Cli.Infrastructure;
using Penchant.Domain;
using Penchant.Signals;

namespace Penchant.Cli.Commands;

/// <summary><c>penchant export [--out FILE]</c>: writes the user's event log as JSON Lines.</summary>
internal sealed class ExportCommand : CliCommand
{
    private readonly Option<string?> _out = new("--out") { Description = "The file to write [default: standard output]", HelpName = "FILE" };
    private readonly Option<string[]> _metadata = MetadataOption.Create("Only events with this metadata, for example app=mail (repeatable; all must match)");

    public ExportCommand(GlobalOptions globals, CliEnvironment environment)
        : base("export", "Export the user's event log as JSON Lines (one event per line, oldest first)", globals, environment)
    {
        Options.Add(_out);
        Options.Add(_metadata);
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        UserKey user = context.User;
        string? path = context.ParseResult.GetValue(_out);
        MetadataFilter filter = MetadataOption.Filter(context.ParseResult.GetValue(_metadata));
        await using EngineHost host = await context.OpenEngineAsync(cancellationToken);

        if (path is null)
        {
            await WriteEventsAsync(host.Engine, user, filter, context.Environment.Output, cancellationToken);
            return ExitCodes.Success;
        }

        StreamWriter writer;
        try
        {
            writer = new StreamWriter(path, append: false);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CliInputException($"cannot write '{path}': {exception.Message}", exception);
        }

        int count;
        await using (writer)
        {
            count = await WriteEventsAsync(host.Engine, user, filter, writer, cancellationToken);
        }

        context.Output.WriteExported(count, path);
        return ExitCodes.Success;
    }

    private static async Task<int> WriteEventsAsync(IPenchant engine, UserKey user, MetadataFilter filter, TextWriter writer, CancellationToken cancellationToken)
    {
        int count = 0;
        await foreach (PreferenceEvent preferenceEvent in engine.ExportAsync(user, cancellationToken))
        {
            if (!filter.Matches(preferenceEvent.Metadata))
            {
                continue;
            }

            await writer.WriteLineAsync(JsonSerializer.Serialize(preferenceEvent, CliJson.Contract.PreferenceEvent).AsMemory(), cancellationToken);
            count++;
        }

        await writer.FlushAsync(cancellationToken);
        return count;
    }
}
