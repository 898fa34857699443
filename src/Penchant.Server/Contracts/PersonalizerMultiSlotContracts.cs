namespace Penchant.Server.Contracts;

/// <summary>A slot of Azure Personalizer's multi-slot rank request: a place on the page that shows one action.</summary>
/// <param name="Id">The slot's identifier (for example <c>"Main Article"</c>).</param>
/// <param name="BaselineAction">The action the application would show in the slot without Personalizer.</param>
/// <param name="Features">The slot's features (for example its size or position): a list of JSON objects.</param>
/// <param name="ExcludedActions">Identifiers of actions not to show in this slot.</param>
public sealed record PersonalizerSlot(string? Id, string? BaselineAction = null, IReadOnlyList<FeatureObject?>? Features = null, IReadOnlyList<string>? ExcludedActions = null);

/// <summary>Azure Personalizer's multi-slot rank request (<c>POST /personalizer/v1.0/multislot/rank</c>).</summary>
/// <param name="ContextFeatures">The context's features: a list of JSON objects.</param>
/// <param name="Actions">The actions.</param>
/// <param name="Slots">The slots, in page order; each gets a different action.</param>
/// <param name="EventId">The event's identifier; a new one when absent.</param>
/// <param name="DeferActivation">Whether the event waits for <c>activate</c> before it is learned from.</param>
public sealed record PersonalizerMultiSlotRankRequest(
    IReadOnlyList<FeatureObject?>? ContextFeatures,
    IReadOnlyList<PersonalizerAction>? Actions,
    IReadOnlyList<PersonalizerSlot>? Slots,
    string? EventId = null,
    bool? DeferActivation = null);

/// <summary>A slot of Azure Personalizer's multi-slot rank response.</summary>
/// <param name="Id">The slot.</param>
/// <param name="RewardActionId">The action chosen for it.</param>
public sealed record PersonalizerSlotResponse(string Id, string RewardActionId);

/// <summary>Azure Personalizer's multi-slot rank response.</summary>
/// <param name="Slots">Every slot with its action, in the request's order.</param>
/// <param name="EventId">The event's identifier, for the rewards.</param>
public sealed record PersonalizerMultiSlotRankResponse(IReadOnlyList<PersonalizerSlotResponse> Slots, string EventId);

/// <summary>The reward of one slot in Azure Personalizer's multi-slot reward request.</summary>
/// <param name="SlotId">The slot.</param>
/// <param name="Value">The reward.</param>
public sealed record PersonalizerSlotReward(string? SlotId, double? Value);

/// <summary>Azure Personalizer's multi-slot reward request (<c>POST /personalizer/v1.0/multislot/events/{eventId}/reward</c>).</summary>
/// <param name="Reward">The rewards, one per slot rewarded.</param>
public sealed record PersonalizerMultiSlotRewardRequest(IReadOnlyList<PersonalizerSlotReward>? Reward);
