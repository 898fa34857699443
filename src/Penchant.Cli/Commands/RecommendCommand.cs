using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Penchant.Cli.Infrastructure;
using Penchant.Cli.Output;
using Penchant.Recommending;

namespace Penchant.Cli.Commands;

/// <summary>
/// <c>penchant recommend [--count N]</c>: the items the user is most likely to choose next, from the tenant's next-item
/// model (<c>GET /v1/users/{u}/recommendations</c>); <c>penchant recommend train</c> trains that model
/// (see <see cref="RecommendTrainCommand"/>).
/// </summary>
internal sealed class RecommendCommand : CliCommand
{
    /// <summary>The most items one recommendation lists, as the service's.</summary>
    public const int MaxCount = 1000;

    private readonly Option<int> _count = new("--count") { Description = $"How many items at most (1 to {MaxCount})", DefaultValueFactory = static _ => 10, HelpName = "N" };

    public RecommendCommand(GlobalOptions globals, CliEnvironment environment)
        : base("recommend", "Recommend the items the user is most likely to choose next, from their recorded choices (train the model first)", globals, environment)
    {
        Options.Add(_count);
        Subcommands.Add(new RecommendTrainCommand(globals, environment));
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        int count = context.ParseResult.GetValue(_count);
        if (count is < 1 or > MaxCount)
        {
            throw new CliInputException($"--count is 1 to {MaxCount}.");
        }

        await using EngineHost host = await context.OpenEngineAsync(cancellationToken);
        SequenceQuery query = host.Services.GetRequiredService<SequenceQuery>();
        IReadOnlyList<NextItem> items = await query.RecommendNextAsync(context.User, count, cancellationToken);
        RecommendationOutput.WriteItems(context.Environment.Output, items, context.Json);
        return ExitCodes.Success;
    }
}
