using System.CommandLine;
using Penchant.Cli.Infrastructure;
using Penchant.Domain;
using Penchant.Signals;

namespace Penchant.Cli.Commands;

/// <summary><c>penchant remember TEXT [--at ISO] [--scope TEXT]</c>: remembers a statement the user made.</summary>
internal sealed class RememberCommand : CliCommand
{
    private readonly Argument<string> _text = new("text") { Description = "What the user said, for example \"I'm vegetarian\"" };
    private readonly Option<DateTimeOffset?> _at = new("--at") { Description = "When it was said (ISO 8601) [default: now]", HelpName = "ISO" };
    private readonly Option<string?> _scope = new("--scope") { Description = "Where it applies, for example \"emails to my boss\"", HelpName = "TEXT" };

    public RememberCommand(GlobalOptions globals, CliEnvironment environment)
        : base("remember", "Remember a statement the user made as a preference", globals, environment)
    {
        Arguments.Add(_text);
        Options.Add(_at);
        Options.Add(_scope);
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        UserKey user = context.User;
        var statement = new Statement(context.ParseResult.GetValue(_text) ?? string.Empty, context.ParseResult.GetValue(_at), context.ParseResult.GetValue(_scope));
        await using EngineHost host = context.OpenEngine();
        WriteResult result = await host.Engine.RememberAsync(user, statement, cancellationToken);
        context.Output.WriteWrite(result);
        return ExitCodes.Success;
    }
}
