namespace Penchant.Signals;

/// <summary>The outcome of a decision (<see cref="Deciding.IDecider.RewardAsync"/>): a click is 1, a skip 0, or any finite score.</summary>
/// <param name="DecisionId">The decision.</param>
/// <param name="Value">The reward.</param>
/// <param name="Slot">The slot of the decision's slate it is for.</param>
/// <param name="At">When; the engine's clock when <see langword="null"/>.</param>
public sealed record Reward(string DecisionId, double Value, int Slot = 0, DateTimeOffset? At = null) : Signal;
