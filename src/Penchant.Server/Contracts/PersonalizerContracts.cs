namespace Penchant.Server.Contracts;

/// <summary>An action of Azure Personalizer's v1.0 rank request.</summary>
/// <param name="Id">The action's identifier.</param>
/// <param name="Features">The action's features: a list of JSON objects.</param>
public sealed record PersonalizerAction(string? Id, IReadOnlyList<FeatureObject?>? Features = null);

/// <summary>Azure Personalizer's v1.0 rank request (<c>POST /personalizer/v1.0/rank</c>).</summary>
/// <param name="ContextFeatures">The context's features: a list of JSON objects.</param>
/// <param name="Actions">The actions.</param>
/// <param name="ExcludedActions">Identifiers of actions not to choose.</param>
/// <param name="EventId">The event's identifier; a new one when absent.</param>
/// <param name="DeferActivation">Whether the event waits for <c>activate</c> before it is learned from.</param>
public sealed record PersonalizerRankRequest(
    IReadOnlyList<FeatureObject?>? ContextFeatures,
    IReadOnlyList<PersonalizerAction>? Actions,
    IReadOnlyList<string>? ExcludedActions = null,
    string? EventId = null,
    bool? DeferActivation = null);

/// <summary>An action ranked by Personalizer's v1.0 rank response.</summary>
/// <param name="Id">The action.</param>
/// <param name="Probability">The probability it was chosen.</param>
public sealed record PersonalizerRankedAction(string Id, double Probability);

/// <summary>Azure Personalizer's v1.0 rank response.</summary>
/// <param name="Ranking">Every action with its probability, the chosen one first (excluded ones last, with probability 0).</param>
/// <param name="EventId">The event's identifier, for the reward.</param>
/// <param name="RewardActionId">The chosen action.</param>
public sealed record PersonalizerRankResponse(IReadOnlyList<PersonalizerRankedAction> Ranking, string EventId, string RewardActionId);

/// <summary>Azure Personalizer's v1.0 reward request (<c>POST /personalizer/v1.0/events/{eventId}/reward</c>).</summary>
/// <param name="Value">The reward.</param>
public sealed record PersonalizerRewardRequest(double? Value);
