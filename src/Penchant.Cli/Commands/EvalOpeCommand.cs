using System.CommandLine;
using System.Globalization;
using Penchant.Cli.Infrastructure;
using Penchant.Deciding;
using Penchant.Evaluation.Datasets;
using Penchant.Evaluation.Evaluators;

namespace Penchant.Cli.Commands;

/// <summary>
/// <c>penchant eval ope [--data DIR] [--campaigns men,women]</c>: the Thompson-sampling policy's click rate estimated
/// off-policy from the random policy's logs (IPS, SNIPS, DM, DR with 95% intervals) beside its on-policy rate.
/// </summary>
internal sealed class EvalOpeCommand : CliCommand
{
    private readonly Option<string?> _data = new("--data") { Description = "The Open Bandit folder (default ../shared/data/open-bandit)", HelpName = "DIR" };
    private readonly Option<string[]> _campaigns = new("--campaigns")
    {
        Description = "Campaigns, comma-separated",
        DefaultValueFactory = static _ => ["men", "women"],
        CustomParser = static result => [.. result.Tokens.SelectMany(static t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))],
        HelpName = "a,b",
    };

    public EvalOpeCommand(GlobalOptions globals, CliEnvironment environment)
        : base("ope", "Off-policy evaluation on the Open Bandit sample: estimate Thompson sampling's click rate from the random policy's logs", globals, environment)
    {
        Options.Add(_data);
        Options.Add(_campaigns);
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        string directory = OpenBanditData.ResolveDirectory(context.ParseResult.GetValue(_data));
        TextWriter output = context.Environment.Output;
        foreach (string campaign in context.ParseResult.GetValue(_campaigns)!)
        {
            OpeReport report = await OpeEvaluator.RunAsync(directory, campaign, cancellationToken);
            OffPolicyReport e = report.Estimates;
            await output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"{campaign}: n={e.Decisions} mean_weight={e.MeanWeight:0.000} truth {Interval(report.Truth)} ips {Interval(e.Ips)} snips {Interval(e.Snips)} dm {Interval(e.DirectMethod)} dr {Interval(e.DoublyRobust)}"));
            await output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"ope: campaign={campaign} truth={report.Truth.Value:0.00000} ips={e.Ips.Value:0.00000} snips={e.Snips.Value:0.00000} dm={e.DirectMethod.Value:0.00000} dr={e.DoublyRobust.Value:0.00000} dr_rel_error={report.DoublyRobustRelativeError:0.000} dr_low={e.DoublyRobust.Lower:0.00000} dr_high={e.DoublyRobust.Upper:0.00000} covered={(e.DoublyRobust.Covers(report.Truth.Value) ? "yes" : "no")}"));
        }

        return ExitCodes.Success;
    }

    private static string Interval(Estimate estimate)
        => string.Create(CultureInfo.InvariantCulture, $"{estimate.Value:0.00000} [{estimate.Lower:0.00000}, {estimate.Upper:0.00000}]");
}
