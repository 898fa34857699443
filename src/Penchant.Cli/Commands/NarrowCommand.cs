using System.CommandLine;
using Penchant.Cli.Infrastructure;
using Penchant.Domain;
using Penchant.Signals;

namespace Penchant.Cli.Commands;

/// <summary><c>penchant narrow PREFERENCE_ID --not-for TEXT</c>: the preference fired where it should not; its scope excludes that situation from now on.</summary>
internal sealed class NarrowCommand : CliCommand
{
    private readonly Argument<string> _preferenceId = new("preference-id") { Description = "The preference to narrow (from list)" };
    private readonly Option<string> _notFor = new("--not-for") { Description = "The situation it must not apply to (\"my friends\")", HelpName = "TEXT", Required = true };
    private readonly Option<DateTimeOffset?> _at = new("--at") { Description = "When it was said (ISO 8601) [default: now]", HelpName = "ISO" };

    public NarrowCommand(GlobalOptions globals, CliEnvironment environment)
        : base("narrow", "Narrow a preference's scope: it no longer applies to the situation given (history keeps the old version)", globals, environment)
    {
        Arguments.Add(_preferenceId);
        Options.Add(_notFor);
        Options.Add(_at);
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        UserKey user = context.User;
        var narrowing = new ScopeNarrowing(context.ParseResult.GetValue(_preferenceId)!, context.ParseResult.GetValue(_notFor)!, context.ParseResult.GetValue(_at));
        await using EngineHost host = await context.OpenEngineAsync(cancellationToken);
        WriteResult result = await host.Engine.RecordAsync(user, [narrowing], null, cancellationToken);
        context.Output.WriteWrite(result);
        return ExitCodes.Success;
    }
}
