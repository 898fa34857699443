using System.CommandLine;
using Penchant.Cli.Infrastructure;
using Penchant.Domain;
using Penchant.Signals;

namespace Penchant.Cli.Commands;

/// <summary><c>penchant remember TEXT [--at ISO] [--scope TEXT] [--meta KEY=VALUE]… [--expires-at ISO | --ttl DURATION]</c>: remembers a statement the user made.</summary>
internal sealed class RememberCommand : CliCommand
{
    private readonly Argument<string> _text = new("text") { Description = "What the user said, for example \"I'm vegetarian\"" };
    private readonly Option<DateTimeOffset?> _at = new("--at") { Description = "When it was said (ISO 8601) [default: now]", HelpName = "ISO" };
    private readonly Option<string?> _scope = new("--scope") { Description = "Where it applies, for example \"emails to my boss\"", HelpName = "TEXT" };
    private readonly Option<string[]> _metadata = MetadataOption.Create("Metadata carried to the preferences learned from it, for example app=mail (repeatable)");
    private readonly Option<DateTimeOffset?> _expiresAt = new("--expires-at") { Description = "When it stops holding (ISO 8601) [default: never]", HelpName = "ISO" };
    private readonly Option<string?> _ttl = new("--ttl") { Description = "How long it holds: an ISO-8601 duration (P7D, PT12H) or seconds", HelpName = "DURATION" };

    public RememberCommand(GlobalOptions globals, CliEnvironment environment)
        : base("remember", "Remember a statement the user made as a preference", globals, environment)
    {
        Arguments.Add(_text);
        Options.Add(_at);
        Options.Add(_scope);
        Options.Add(_metadata);
        Options.Add(_expiresAt);
        Options.Add(_ttl);
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        UserKey user = context.User;
        string? ttl = context.ParseResult.GetValue(_ttl);
        DateTimeOffset? expiresAt = context.ParseResult.GetValue(_expiresAt);
        if (ttl is not null && expiresAt is not null)
        {
            throw new CliInputException("give either --expires-at or --ttl, not both.");
        }

        var statement = new Statement(context.ParseResult.GetValue(_text) ?? string.Empty, context.ParseResult.GetValue(_at), context.ParseResult.GetValue(_scope))
        {
            Metadata = MetadataOption.Parse(context.ParseResult.GetValue(_metadata)),
            ExpiresAt = expiresAt,
            TimeToLive = ttl is null ? null : TimeToLive.Parse(ttl, "--ttl"),
        };
        await using EngineHost host = await context.OpenEngineAsync(embeds: true, cancellationToken);
        WriteResult result = await host.Engine.RememberAsync(user, statement, cancellationToken);
        context.Output.WriteWrite(result);
        return ExitCodes.Success;
    }
}
