namespace Penchant.Deciding;

/// <summary>The outcome of <see cref="IDecider.RewardAsync"/>.</summary>
/// <param name="DecisionId">The decision rewarded.</param>
/// <param name="EventId">The reward's entry in the user's log.</param>
public sealed record RewardResult(string DecisionId, string EventId);
