using Microsoft.Extensions.DependencyInjection;
using Penchant.Cli.Infrastructure;
using Penchant.Cli.Output;
using Penchant.Recommending;

namespace Penchant.Cli.Commands;

/// <summary><c>penchant recommend train</c>: trains the tenant's next-item model from every user's choices, in log order (<c>POST /v1/recommendations/train</c>).</summary>
internal sealed class RecommendTrainCommand : CliCommand
{
    public RecommendTrainCommand(GlobalOptions globals, CliEnvironment environment)
        : base("train", "Train the tenant's next-item model from every user's choices and save it", globals, environment)
    {
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        await using EngineHost host = await context.OpenEngineAsync(cancellationToken);
        SequenceQuery query = host.Services.GetRequiredService<SequenceQuery>();
        SequenceTrainingReport report = await query.TrainAsync(context.Tenant, cancellationToken);
        RecommendationOutput.WriteTraining(context.Environment.Output, report, context.Json);
        return ExitCodes.Success;
    }
}
