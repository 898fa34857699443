using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Penchant.Cli.Contracts;
using Penchant.Cli.Infrastructure;
using Penchant.Deciding;

namespace Penchant.Cli.Commands;

/// <summary>
/// <c>penchant activate DECISION</c>: activates a decision made with <c>--defer-activation</c>, once the application knows the
/// user saw it; it is learned from from then on (<c>POST /v1/users/{u}/decisions/{id}/activate</c>).
/// </summary>
internal sealed class ActivateCommand : CliCommand
{
    private readonly Argument<string> _decision = new("decision") { Description = "The decision's identifier, as 'penchant decide' printed it" };

    public ActivateCommand(GlobalOptions globals, CliEnvironment environment)
        : base("activate", "Activate a decision made with --defer-activation: it now waits for its reward and is learned from", globals, environment)
    {
        Arguments.Add(_decision);
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        string decisionId = context.ParseResult.GetValue(_decision) ?? string.Empty;
        await using EngineHost host = await context.OpenEngineAsync(cancellationToken);
        await host.Services.GetRequiredService<IDecider>().ActivateAsync(context.User, decisionId, cancellationToken);
        if (context.Json)
        {
            await context.Environment.Output.WriteLineAsync(JsonSerializer.Serialize(new ActivatedJson(decisionId), CliJson.Contract.ActivatedJson));
        }
        else
        {
            await context.Environment.Output.WriteLineAsync($"activated {decisionId}");
        }

        return ExitCodes.Success;
    }
}
