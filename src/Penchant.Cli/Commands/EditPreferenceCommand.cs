using System.CommandLine;
using Penchant.Cli.Infrastructure;
using Penchant.Domain;
using Penchant.Signals;

namespace Penchant.Cli.Commands;

/// <summary><c>penchant edit-preference PREFERENCE_ID [--text TEXT] [--scope TEXT] [--strength 0..1]</c>: changes a preference (the old version is superseded).</summary>
internal sealed class EditPreferenceCommand : CliCommand
{
    private readonly Argument<string> _preferenceId = new("preference-id") { Description = "The preference to change (from list)" };
    private readonly Option<string?> _text = new("--text") { Description = "The new text", HelpName = "TEXT" };
    private readonly Option<string?> _scope = new("--scope") { Description = "The new scope; \"\" makes it apply everywhere", HelpName = "TEXT" };
    private readonly Option<double?> _strength = new("--strength") { Description = "The new strength, 0 to 1", HelpName = "0..1" };
    private readonly Option<DateTimeOffset?> _at = new("--at") { Description = "When it was edited (ISO 8601) [default: now]", HelpName = "ISO" };

    public EditPreferenceCommand(GlobalOptions globals, CliEnvironment environment)
        : base("edit-preference", "Change a preference's text, scope or strength (history keeps the old version)", globals, environment)
    {
        Arguments.Add(_preferenceId);
        Options.Add(_text);
        Options.Add(_scope);
        Options.Add(_strength);
        Options.Add(_at);
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        UserKey user = context.User;
        var edit = new PreferenceEdit(
            context.ParseResult.GetValue(_preferenceId)!,
            context.ParseResult.GetValue(_text),
            context.ParseResult.GetValue(_scope),
            context.ParseResult.GetValue(_strength),
            context.ParseResult.GetValue(_at));
        await using EngineHost host = await context.OpenEngineAsync(cancellationToken);
        WriteResult result = await host.Engine.EditPreferenceAsync(user, edit, cancellationToken);
        context.Output.WriteWrite(result);
        return ExitCodes.Success;
    }
}
