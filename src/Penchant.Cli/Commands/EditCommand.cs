using System.CommandLine;
using Penchant.Cli.Infrastructure;
using Penchant.Domain;
using Penchant.Signals;

namespace Penchant.Cli.Commands;

/// <summary><c>penchant edit CONTEXT OUTPUT EDITED</c>: records that the user edited an output before using it.</summary>
internal sealed class EditCommand : CliCommand
{
    private readonly Argument<string> _context = new("context") { Description = "What the output was for (the request, or the document it summarised)" };
    private readonly Argument<string> _output = new("output") { Description = "What the application produced" };
    private readonly Argument<string> _edited = new("edited") { Description = "What the user made of it (the same text when kept as it was)" };

    public EditCommand(GlobalOptions globals, CliEnvironment environment)
        : base("edit", "Record how the user edited an output; later requests in similar contexts get the style", globals, environment)
    {
        Arguments.Add(_context);
        Arguments.Add(_output);
        Arguments.Add(_edited);
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ParseResult parse = context.ParseResult;
        var edit = new Edit(parse.GetValue(_context) ?? string.Empty, parse.GetValue(_output) ?? string.Empty, parse.GetValue(_edited) ?? string.Empty);
        await using EngineHost host = await context.OpenEngineAsync(cancellationToken);
        WriteResult result = await host.Engine.EditAsync(context.User, edit, cancellationToken);
        context.Output.WriteWrite(result);
        return ExitCodes.Success;
    }
}
