using System.CommandLine;
using System.Globalization;
using Penchant.Cli.Infrastructure;
using Penchant.Deciding;
using Penchant.Evaluation.Simulations;

namespace Penchant.Cli.Commands;

/// <summary>
/// <c>penchant eval bandit [--rounds N] [--actions K] [--seed S]</c>: every decision policy in one simulated environment;
/// cumulative regret against the oracle, beside uniform random and the best fixed action.
/// </summary>
internal sealed class EvalBanditCommand : CliCommand
{
    private readonly Option<int> _rounds = new("--rounds") { Description = "Decisions per policy", DefaultValueFactory = static _ => 10_000, HelpName = "N" };
    private readonly Option<int> _actions = new("--actions") { Description = "Actions to choose among", DefaultValueFactory = static _ => 20, HelpName = "K" };
    private readonly Option<int> _users = new("--users") { Description = "Simulated users, each with a hidden taste", DefaultValueFactory = static _ => 50, HelpName = "U" };
    private readonly Option<double?> _exploration = new("--exploration") { Description = "Uniform exploration rate ε mixed into every policy (default: DecidingOptions)", HelpName = "E" };
    private readonly Option<double?> _gapScale = new("--gap-scale") { Description = "Inverse-gap weighting's γ₀ (default: DecidingOptions)", HelpName = "G" };
    private readonly Option<double?> _thompsonScale = new("--thompson-scale") { Description = "Thompson sampling's posterior scale (default: DecidingOptions)", HelpName = "V" };
    private readonly Option<double?> _ucbWidth = new("--ucb-width") { Description = "LinUCB's width α (default: DecidingOptions)", HelpName = "A" };
    private readonly Option<int> _seed = new("--seed") { Description = "The random seed", DefaultValueFactory = static _ => 17, HelpName = "S" };

    public EvalBanditCommand(GlobalOptions globals, CliEnvironment environment)
        : base("bandit", "Simulate users with hidden tastes: cumulative regret of every decision policy vs uniform random and the best fixed action", globals, environment)
    {
        Options.Add(_rounds);
        Options.Add(_actions);
        Options.Add(_users);
        Options.Add(_seed);
        Options.Add(_exploration);
        Options.Add(_gapScale);
        Options.Add(_thompsonScale);
        Options.Add(_ucbWidth);
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ParseResult parse = context.ParseResult;
        int rounds = parse.GetValue(_rounds), actions = parse.GetValue(_actions), users = parse.GetValue(_users);
        if (rounds < 1 || actions < 2 || users < 1)
        {
            throw new CliInputException("--rounds and --users must be at least 1, --actions at least 2.");
        }

        var settings = new BanditSettings { Rounds = rounds, Actions = actions, Users = users, Seed = parse.GetValue(_seed) };
        var options = new DecidingOptions();
        options.ExplorationRate = parse.GetValue(_exploration) ?? options.ExplorationRate;
        options.GapScale = parse.GetValue(_gapScale) ?? options.GapScale;
        options.ThompsonScale = parse.GetValue(_thompsonScale) ?? options.ThompsonScale;
        options.UcbWidth = parse.GetValue(_ucbWidth) ?? options.UcbWidth;
        if (options.ExplorationRate is < 0 or > 1 || options.GapScale < 0 || options.ThompsonScale < 0 || options.UcbWidth < 0)
        {
            throw new CliInputException("--exploration lies in [0, 1]; --gap-scale, --thompson-scale and --ucb-width are not negative.");
        }

        BanditReport report = await BanditSimulation.RunAsync(settings, options, cancellationToken);
        TextWriter output = context.Environment.Output;
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"oracle mean reward {report.OracleReward:0.0000}; regret of uniform random {report.UniformRegret:0.0}, of the best fixed action {report.BestFixedRegret:0.0}"));
        foreach (BanditPolicyResult result in report.Policies)
        {
            await output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"bandit: policy={result.Policy} rounds={rounds} actions={actions} regret={result.Regret:0.0} mean_reward={result.MeanReward:0.0000} regret_uniform={report.UniformRegret:0.0} regret_best={report.BestFixedRegret:0.0} vs_uniform={result.Regret / report.UniformRegret:0.000} vs_best={result.Regret / report.BestFixedRegret:0.000}"));
        }

        return ExitCodes.Success;
    }
}
