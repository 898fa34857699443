using System.CommandLine;
using Penchant.Cli.Infrastructure;
using Penchant.Domain;

namespace Penchant.Cli.Commands;

/// <summary><c>penchant select REQUEST [--attr key=value]…</c>: selects the preferences that apply to a request.</summary>
internal sealed class SelectCommand : CliCommand
{
    private readonly Argument<string> _request = new("request") { Description = "What the application is about to do, for example \"book a table for dinner\"" };
    private readonly Option<string[]> _attributes = new("--attr")
    {
        Description = "A request attribute such as domain=restaurants or channel=email (repeatable)",
        HelpName = "KEY=VALUE",
        AllowMultipleArgumentsPerToken = false,
    };

    private readonly Option<string[]> _metadata = MetadataOption.Create("Select only among preferences with this metadata, for example app=mail (repeatable)");

    public SelectCommand(GlobalOptions globals, CliEnvironment environment)
        : base("select", "Select the user's preferences that apply to a request", globals, environment)
    {
        Arguments.Add(_request);
        Options.Add(_attributes);
        Options.Add(_metadata);
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        UserKey user = context.User;
        var request = new RequestContext(context.ParseResult.GetValue(_request) ?? string.Empty)
        {
            Attributes = ParseAttributes(context.ParseResult.GetValue(_attributes) ?? []),
            Filter = MetadataOption.Filter(context.ParseResult.GetValue(_metadata)),
        };
        await using EngineHost host = await context.OpenEngineAsync(embeds: true, cancellationToken);
        Selection selection = await host.Engine.SelectAsync(user, request, cancellationToken);
        context.Output.WriteSelection(selection);
        return ExitCodes.Success;
    }

    private static Dictionary<string, string> ParseAttributes(string[] values)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string value in values)
        {
            int equals = value.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || string.IsNullOrWhiteSpace(value[..equals]))
            {
                throw new CliInputException($"--attr '{value}' is not KEY=VALUE.");
            }

            attributes[value[..equals].Trim()] = value[(equals + 1)..].Trim();
        }

        return attributes;
    }
}
