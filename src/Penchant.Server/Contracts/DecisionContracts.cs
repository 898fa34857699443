using Penchant.Deciding;

namespace Penchant.Server.Contracts;

/// <summary>The context of a decision.</summary>
/// <param name="Text">A text describing the situation, or absent.</param>
/// <param name="Features">
/// Features as one JSON object: a string value is a category (<c>"device": "mobile"</c> is <c>device=mobile</c>), a number
/// is numeric, a nested object prefixes its names (<c>user.age</c>), an array of numbers is indexed (<c>pos[0]</c>).
/// </param>
public sealed record DecisionContextContract(string? Text = null, FeatureObject? Features = null);

/// <summary>An action a decision may choose.</summary>
/// <param name="Id">The application's identifier of the action.</param>
/// <param name="Text">A text describing it, or absent.</param>
/// <param name="Features">Its features, as for <see cref="DecisionContextContract.Features"/>.</param>
public sealed record DecisionActionContract(string? Id, string? Text = null, FeatureObject? Features = null);

/// <summary>A decision to make (<c>POST /v1/users/{userId}/decisions</c>).</summary>
/// <param name="Context">The context.</param>
/// <param name="Actions">The actions (at least one).</param>
/// <param name="SlateSize">How many actions to choose in order; 1 when absent.</param>
/// <param name="ExcludedActionIds">Actions not to choose this time.</param>
/// <param name="Apprentice">Whether to return the default action while the policy learns (apprentice mode).</param>
/// <param name="DefaultActionId">The application's default action; the first action when absent.</param>
/// <param name="DeferActivation">Whether the decision is learned from only once activated.</param>
/// <param name="DecisionId">The identifier to log the decision under; a new one when absent.</param>
/// <param name="Policy">The policy (<c>inverseGap</c>, <c>thompsonSampling</c>, <c>linUcb</c>, <c>epsilonGreedy</c>); the service's when absent.</param>
public sealed record DecideRequest(
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
public sealed record ActionProbabilityContract(string Id, double Probability);

/// <summary>A decision made.</summary>
/// <param name="DecisionId">The identifier its reward names.</param>
/// <param name="Slate">The chosen actions in order, each with the probability it was chosen in its slot.</param>
/// <param name="Ranking">Every eligible action, chosen first, with the probability of being chosen first.</param>
/// <param name="Policy">The policy that chose.</param>
/// <param name="Apprentice">Whether the default action was returned (apprentice mode).</param>
/// <param name="LearnedActionId">What the learned policy would have chosen first.</param>
/// <param name="Deferred">Whether the decision waits for activation.</param>
/// <param name="Replayed">Whether this answers an earlier decision with the same identifier.</param>
public sealed record DecisionResponse(
    string DecisionId,
    IReadOnlyList<ActionProbabilityContract> Slate,
    IReadOnlyList<ActionProbabilityContract> Ranking,
    DecisionPolicy Policy,
    bool Apprentice,
    string? LearnedActionId,
    bool Deferred,
    bool Replayed);

/// <summary>A reward for a decision (<c>POST /v1/users/{userId}/decisions/{decisionId}/reward</c>).</summary>
/// <param name="Value">The reward (a finite number; a click is 1).</param>
/// <param name="Slot">The slot of a slate it is for; 0 when absent.</param>
public sealed record RewardRequest(double? Value, int? Slot = null);

/// <summary>A reward recorded.</summary>
/// <param name="DecisionId">The decision.</param>
/// <param name="EventId">The reward's entry in the user's log.</param>
public sealed record RewardResponse(string DecisionId, string EventId);

/// <summary>What a user's decision policy has learned (<c>GET /v1/users/{userId}/decisions/report</c>).</summary>
/// <param name="Decisions">Decisions learned from.</param>
/// <param name="Rewarded">Decisions rewarded in time.</param>
/// <param name="Defaulted">Decisions given the default reward.</param>
/// <param name="Pending">Decisions waiting for a reward.</param>
/// <param name="MeanReward">The mean reward of closed decisions.</param>
/// <param name="ApprenticeDecisions">Apprentice decisions closed.</param>
/// <param name="AgreementRate">How often the learned policy agreed with the default action.</param>
/// <param name="DefaultValue">The default actions' mean reward.</param>
/// <param name="LearnedValue">The learned policy's estimated mean reward.</param>
public sealed record DecisionReportResponse(long Decisions, long Rewarded, long Defaulted, int Pending, double MeanReward, long ApprenticeDecisions, double AgreementRate, double DefaultValue, double LearnedValue);
