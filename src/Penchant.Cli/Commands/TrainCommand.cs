using System.CommandLine;
using Penchant.Cli.Infrastructure;
using Penchant.Cli.Output;
using Penchant.Domain;

namespace Penchant.Cli.Commands;

/// <summary>
/// <c>penchant train [--prototypes K] [--skew M] [--epochs E] [--seed S]</c>: refits the tenant's ranking model from the event
/// log; <c>penchant train gate</c> fits the selection gate (see <see cref="TrainGateCommand"/>).
/// </summary>
internal sealed class TrainCommand : CliCommand
{
    private readonly Option<int> _prototypes = new("--prototypes") { Description = "Shared prototypes (tastes)", DefaultValueFactory = static _ => 4, HelpName = "K" };
    private readonly Option<int> _skew = new("--skew") { Description = "Rotation blocks of the skew-symmetric head (0 = off)", DefaultValueFactory = static _ => 0, HelpName = "M" };
    private readonly Option<int> _epochs = new("--epochs") { Description = "Passes over the comparisons", DefaultValueFactory = static _ => 20, HelpName = "E" };
    private readonly Option<int> _seed = new("--seed") { Description = "The random seed", DefaultValueFactory = static _ => 17, HelpName = "S" };

    public TrainCommand(GlobalOptions globals, CliEnvironment environment)
        : base("train", "Refit the tenant's ranking model from every user's comparisons, choices and ratings (deterministic for a seed)", globals, environment)
    {
        Options.Add(_prototypes);
        Options.Add(_skew);
        Options.Add(_epochs);
        Options.Add(_seed);
        Subcommands.Add(new TrainReactionsCommand(globals, environment));
        Subcommands.Add(new TrainGateCommand(globals, environment));
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ParseResult parse = context.ParseResult;
        var options = new TrainingOptions { Prototypes = parse.GetValue(_prototypes), SkewRank = parse.GetValue(_skew), Epochs = parse.GetValue(_epochs), Seed = parse.GetValue(_seed) };
        if (options.Prototypes < 0 || options.SkewRank < 0 || options.Epochs < 1)
        {
            throw new CliInputException("--prototypes and --skew must be 0 or more, --epochs 1 or more.");
        }

        await using EngineHost host = await context.OpenEngineAsync(cancellationToken);
        TrainingReport report = await host.Engine.TrainAsync(context.Tenant, options, cancellationToken);
        RankingOutput.WriteTraining(context.Environment.Output, report, context.Json);
        return ExitCodes.Success;
    }
}
