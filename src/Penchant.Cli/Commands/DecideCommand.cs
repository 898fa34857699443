using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Penchant.Cli.Contracts;
using Penchant.Cli.Infrastructure;
using Penchant.Deciding;
using Penchant.Server.Contracts;

namespace Penchant.Cli.Commands;

/// <summary>
/// <c>penchant decide ACTIONS</c>: chooses an action (or a slate) for a context with the user's policy and logs the decision
/// with every action's propensity (<c>POST /v1/users/{u}/decisions</c>). ACTIONS is a JSON file, or <c>-</c> for standard
/// input, holding the actions (<c>[{"id", "text", "features"}]</c>) or a whole body of the service's route; the options
/// override the body's fields.
/// </summary>
internal sealed class DecideCommand : CliCommand
{
    private readonly Argument<string> _actions = new("actions")
    {
        Description = "A JSON file (or - for standard input) with the actions, [{\"id\", \"text\", \"features\": {...}}], or a whole decision body as the service's POST /v1/users/{u}/decisions takes",
    };

    private readonly Option<string?> _context = new("--context") { Description = "A text describing the situation (embedded)", HelpName = "TEXT" };
    private readonly Option<string[]> _features = new("--feature")
    {
        Description = "A context feature NAME=VALUE (repeatable): a number is numeric, anything else a category",
        HelpName = "NAME=VALUE",
        AllowMultipleArgumentsPerToken = false,
    };

    private readonly Option<DecisionPolicy?> _policy = new("--policy") { Description = "The policy: InverseGap, ThompsonSampling, LinUcb or EpsilonGreedy [default: the engine's]" };
    private readonly Option<int?> _slateSize = new("--slate-size") { Description = "How many actions to choose, in order [default: 1]", HelpName = "N" };
    private readonly Option<string[]> _exclude = new("--exclude") { Description = "An action not to choose this time (repeatable)", HelpName = "ID" };
    private readonly Option<bool> _apprentice = new("--apprentice") { Description = "Apprentice mode: return the default action while the policy learns" };
    private readonly Option<string?> _defaultAction = new("--default-action") { Description = "The application's default action (apprentice mode) [default: the first action]", HelpName = "ID" };
    private readonly Option<bool> _defer = new("--defer-activation") { Description = "Learn from the decision only once 'penchant activate' says it was shown" };
    private readonly Option<string?> _decisionId = new("--decision-id") { Description = "The identifier to log the decision under; deciding again with it answers the first decision [default: a new one]", HelpName = "ID" };

    public DecideCommand(GlobalOptions globals, CliEnvironment environment)
        : base("decide", "Choose an action (or a slate) for a context with the user's policy, logged with every action's propensity; reward it with 'penchant reward'", globals, environment)
    {
        Arguments.Add(_actions);
        Options.Add(_context);
        Options.Add(_features);
        Options.Add(_policy);
        Options.Add(_slateSize);
        Options.Add(_exclude);
        Options.Add(_apprentice);
        Options.Add(_defaultAction);
        Options.Add(_defer);
        Options.Add(_decisionId);
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ParseResult parse = context.ParseResult;
        string path = parse.GetValue(_actions) ?? InputFiles.StandardInput;
        DecideRequest body = await ReadBodyAsync(path, context.Environment, cancellationToken);

        await using EngineHost host = await context.OpenEngineAsync(cancellationToken);
        int limit = host.Services.GetRequiredService<IOptions<DecidingOptions>>().Value.MaxFeatures;
        List<Feature> features = [.. FeatureJson.Read(body.Context?.Features, limit, "context.features")];
        foreach (string given in parse.GetValue(_features) ?? [])
        {
            features.Add(ParseFeature(given));
        }

        var decisionContext = new DecisionContext(parse.GetValue(_context) ?? body.Context?.Text) { Features = features };
        if (body.Actions is not { Count: > 0 })
        {
            throw new CliInputException($"{InputFiles.DisplayName(path)} holds no actions: give at least one, [{{\"id\": \"a\"}}]. Nothing was decided.");
        }

        var actions = new List<DecisionAction>(body.Actions.Count);
        foreach (DecisionActionContract? action in body.Actions)
        {
            if (action?.Id is null)
            {
                throw new CliInputException($"every action in {InputFiles.DisplayName(path)} needs an \"id\". Nothing was decided.");
            }

            actions.Add(new DecisionAction(action.Id, action.Text) { Features = FeatureJson.Read(action.Features, limit, "actions.features") });
        }

        string[] excluded = parse.GetValue(_exclude) ?? [];
        var options = new DecisionOptions
        {
            DecisionId = parse.GetValue(_decisionId) ?? body.DecisionId,
            SlateSize = parse.GetValue(_slateSize) ?? body.SlateSize ?? 1,
            ExcludedActionIds = excluded.Length > 0 ? excluded : body.ExcludedActionIds ?? [],
            Apprentice = parse.GetValue(_apprentice) || (body.Apprentice ?? false),
            DefaultActionId = parse.GetValue(_defaultAction) ?? body.DefaultActionId,
            DeferActivation = parse.GetValue(_defer) || (body.DeferActivation ?? false),
            Policy = parse.GetValue(_policy) ?? body.Policy,
        };

        IDecider decider = host.Services.GetRequiredService<IDecider>();
        DecisionResult result = await decider.DecideAsync(context.User, decisionContext, actions, options, cancellationToken);
        Write(context.Environment.Output, result, context.Json);
        return ExitCodes.Success;
    }

    /// <summary>Reads the actions (a JSON array) or a whole decision body (a JSON object).</summary>
    private static async Task<DecideRequest> ReadBodyAsync(string path, CliEnvironment environment, CancellationToken cancellationToken)
    {
        string text;
        using (TextReader reader = InputFiles.OpenText(path, environment))
        {
            text = await reader.ReadToEndAsync(cancellationToken);
        }

        string name = InputFiles.DisplayName(path);
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { AllowDuplicateProperties = false });
            return document.RootElement.ValueKind switch
            {
                JsonValueKind.Array => new DecideRequest(null, document.RootElement.Deserialize(CliJson.Contract.IReadOnlyListDecisionActionContract)),
                JsonValueKind.Object => document.RootElement.Deserialize(CliJson.Contract.DecideRequest)!,
                _ => throw new CliInputException($"{name} holds neither a JSON array of actions nor a decision object. Nothing was decided."),
            };
        }
        catch (JsonException exception)
        {
            throw new CliInputException($"{name} is not a decision's JSON: {exception.Message} Nothing was decided.", exception);
        }
    }

    /// <summary>Reads <c>NAME=VALUE</c>: a finite number is numeric, anything else the category <c>NAME=VALUE</c>.</summary>
    private static Feature ParseFeature(string given)
    {
        int equals = given.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0 || equals == given.Length - 1)
        {
            throw new CliInputException($"--feature takes NAME=VALUE, e.g. --feature device=mobile or --feature age=31; '{given}' is neither.");
        }

        string name = given[..equals];
        string value = given[(equals + 1)..];
        return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double number) && double.IsFinite(number)
            ? new Feature(name, number)
            : Feature.Category(name, value);
    }

    private static void Write(TextWriter output, DecisionResult result, bool json)
    {
        if (json)
        {
            var response = new DecisionResponse(
                result.DecisionId,
                [.. result.Slate.Select(static a => new ActionProbabilityContract(a.Id, a.Probability))],
                [.. result.Ranking.Select(static a => new ActionProbabilityContract(a.Id, a.Probability))],
                result.Policy,
                result.Apprentice,
                result.LearnedActionId,
                result.Deferred,
                result.Replayed);
            output.WriteLine(JsonSerializer.Serialize(response, CliJson.Contract.DecisionResponse));
            return;
        }

        int slot = 1;
        foreach (ActionProbability chosen in result.Slate)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{slot++}. {chosen.Id}  p={chosen.Probability:0.000}"));
        }

        string notes = (result.Apprentice ? $"; apprentice: the policy would have chosen {result.LearnedActionId}" : string.Empty)
            + (result.Deferred ? "; deferred: activate it once shown" : string.Empty)
            + (result.Replayed ? "; replayed: this identifier was decided before" : string.Empty);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"decision {result.DecisionId} ({result.Policy}, {result.Ranking.Count} eligible action(s)){notes}"));
    }
}
