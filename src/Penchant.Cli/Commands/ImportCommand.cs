using System.CommandLine;
using Penchant.Cli.Contracts;
using Penchant.Cli.Infrastructure;
using Penchant.Domain;
using Penchant.Signals;

namespace Penchant.Cli.Commands;

/// <summary><c>penchant import FILE</c>: imports an exported event log into the user's log, all or nothing.</summary>
internal sealed class ImportCommand : CliCommand
{
    private readonly Argument<string> _file = new("file") { Description = "JSON Lines of events, as written by export, or - for standard input" };

    public ImportCommand(GlobalOptions globals, CliEnvironment environment)
        : base("import", "Import events (as written by export) into the user's log and replay them", globals, environment)
    {
        Arguments.Add(_file);
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        UserKey user = context.User;
        string file = context.ParseResult.GetValue(_file)!;
        string source = InputFiles.DisplayName(file);
        IReadOnlyList<(int Line, PreferenceEvent Value)> lines =
            await InputFiles.ReadJsonLinesAsync(file, ContractJsonContext.Default.PreferenceEvent, context.Environment, cancellationToken);

        var lineOfId = new Dictionary<string, int>(StringComparer.Ordinal);
        var events = new PreferenceEvent[lines.Count];
        for (int i = 0; i < events.Length; i++)
        {
            (int line, PreferenceEvent imported) = lines[i];
            if (string.IsNullOrWhiteSpace(imported.Id))
            {
                throw new CliInputException($"{source}, line {line}: \"id\" is empty.");
            }

            if (!lineOfId.TryAdd(imported.Id, line))
            {
                throw new CliInputException($"{source}, line {line}: event id '{imported.Id}' already appears on line {lineOfId[imported.Id]}.");
            }

            events[i] = imported;
        }

        await using EngineHost host = await context.OpenEngineAsync(cancellationToken);
        await foreach (PreferenceEvent existing in host.Engine.ExportAsync(user, cancellationToken))
        {
            if (lineOfId.TryGetValue(existing.Id, out int line))
            {
                throw new CliInputException($"{source}, line {line}: event id '{existing.Id}' is already in the log of {user}.");
            }
        }

        WriteResult result = await host.Engine.ImportAsync(user, events, cancellationToken);
        context.Output.WriteWrite(result);
        return ExitCodes.Success;
    }
}
