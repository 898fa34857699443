using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Penchant.Cli.Contracts;
using Penchant.Cli.Infrastructure;
using Penchant.Deciding;

namespace Penchant.Cli.Commands;

/// <summary><c>penchant reward DECISION VALUE</c>: records the outcome of a decision (<c>POST /v1/users/{u}/decisions/{id}/reward</c>).</summary>
internal sealed class RewardCommand : CliCommand
{
    private readonly Argument<string> _decision = new("decision") { Description = "The decision's identifier, as 'penchant decide' printed it" };
    private readonly Argument<string> _value = new("value") { Description = "The reward: a finite number (a click is 1, no click 0)" };
    private readonly Option<int> _slot = new("--slot") { Description = "The slot of a slate the reward is for (0 = the first)", DefaultValueFactory = static _ => 0, HelpName = "N" };

    public RewardCommand(GlobalOptions globals, CliEnvironment environment)
        : base("reward", "Record the outcome of a decision: the policy learns from it", globals, environment)
    {
        Arguments.Add(_decision);
        Arguments.Add(_value);
        Options.Add(_slot);
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ParseResult parse = context.ParseResult;
        string decisionId = parse.GetValue(_decision) ?? string.Empty;
        string given = parse.GetValue(_value) ?? string.Empty;
        if (!double.TryParse(given, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
        {
            throw new CliInputException($"a reward is a finite number, such as 1 or 0.5; '{given}' is not. Nothing was recorded.");
        }

        int slot = parse.GetValue(_slot);
        if (slot < 0)
        {
            throw new CliInputException($"--slot is the index of a slate's slot, 0 or more; {slot} is not. Nothing was recorded.");
        }

        await using EngineHost host = await context.OpenEngineAsync(cancellationToken);
        RewardResult result = await host.Services.GetRequiredService<IDecider>().RewardAsync(context.User, decisionId, value, slot, cancellationToken);
        if (context.Json)
        {
            await context.Environment.Output.WriteLineAsync(JsonSerializer.Serialize(new RewardResponse(result.DecisionId, result.EventId), CliJson.Contract.RewardResponse));
        }
        else
        {
            await context.Environment.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"rewarded {result.DecisionId} with {value} (event {result.EventId})"));
        }

        return ExitCodes.Success;
    }
}
