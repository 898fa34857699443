using System.Text.Json.Serialization;
using Penchant.Deciding;
using Penchant.Server.Contracts;

namespace Penchant.Cli.Contracts;

// The decision shapes of the service's wire contract (Penchant.Server.Contracts.DecisionContracts), field for field and in
// the same order: `penchant decide` reads the body `POST /v1/users/{u}/decisions` takes and writes the one it answers.

/// <summary>The context of a decision.</summary>
/// <param name="Text">A text describing the situation, or absent.</param>
/// <param name="Features">Features as one JSON object, read as the service reads them.</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record DecisionContextContract(string? Text = null, FeatureObject? Features = null);

/// <summary>An action a decision may choose.</summary>
/// <param name="Id">The application's identifier of the action.</param>
/// <param name="Text">A text describing it, or absent.</param>
/// <param name="Features">Its features, as for <see cref="DecisionContextContract.Features"/>.</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record DecisionActionContract(string? Id, string? Text = null, FeatureObject? Features = null);

/// <summary>A decision to make, as the service's <c>POST /v1/users/{userId}/decisions</c> takes it.</summary>
/// <param name="Context">The context.</param>
/// <param name="Actions">The actions (at least one).</param>
/// <param name="SlateSize">How many actions to choose in order; 1 when absent.</param>
/// <param name="ExcludedActionIds">Actions not to choose this time.</param>
/// <param name="Apprentice">Whether to return the default action while the policy learns (apprentice mode).</param>
/// <param name="DefaultActionId">The application's default action; the first action when absent.</param>
/// <param name="DeferActivation">Whether the decision is learned from only once activated.</param>
/// <param name="DecisionId">The identifier to log the decision under; a new one when absent.</param>
/// <param name="Policy">The policy; the engine's default when absent.</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record DecideRequest(
    DecisionContextContract? Context,
    IReadOnlyList<DecisionActionContract>? Actions,
    int? SlateSize = null,
    IReadOnlyList<string>? ExcludedActionIds = null,
    bool? Apprentice = null,
    string? DefaultActionId = null,
    bool? DeferActivation = null,
    string? DecisionId = null,
    DecisionPolicy? Policy = null);

/// <summary>An action with the probability the decision chose it.</summary>
/// <param name="Id">The action.</param>
/// <param name="Probability">The probability.</param>
internal sealed record ActionProbabilityContract(string Id, double Probability);

/// <summary>A decision made.</summary>
/// <param name="DecisionId">The identifier its reward names.</param>
/// <param name="Slate">The chosen actions in order, each with the probability it was chosen in its slot.</param>
/// <param name="Ranking">Every eligible action, chosen first, with the probability of being chosen first.</param>
/// <param name="Policy">The policy that chose.</param>
/// <param name="Apprentice">Whether the default action was returned (apprentice mode).</param>
/// <param name="LearnedActionId">What the learned policy would have chosen first.</param>
/// <param name="Deferred">Whether the decision waits for activation.</param>
/// <param name="Replayed">Whether this answers an earlier decision with the same identifier.</param>
internal sealed record DecisionResponse(
    string DecisionId,
    IReadOnlyList<ActionProbabilityContract> Slate,
    IReadOnlyList<ActionProbabilityContract> Ranking,
    DecisionPolicy Policy,
    bool Apprentice,
    string? LearnedActionId,
    bool Deferred,
    bool Replayed);

/// <summary>A reward recorded.</summary>
/// <param name="DecisionId">The decision.</param>
/// <param name="EventId">The reward's entry in the user's log.</param>
internal sealed record RewardResponse(string DecisionId, string EventId);

/// <summary>A decision activated (the service answers <c>204</c>; the CLI names the decision).</summary>
/// <param name="DecisionId">The decision.</param>
internal sealed record ActivatedJson(string DecisionId);
