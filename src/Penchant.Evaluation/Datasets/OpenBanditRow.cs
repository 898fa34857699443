namespace Penchant.Evaluation.Datasets;

/// <summary>One logged impression of the Open Bandit Dataset: the item shown at a position, whether it was clicked, and the logging policy's propensity.</summary>
/// <param name="Item">The item (the action).</param>
/// <param name="Position">The position (1, 2 or 3).</param>
/// <param name="Click">Whether it was clicked.</param>
/// <param name="Propensity">The logging policy's probability of this item at this position.</param>
public sealed record OpenBanditRow(int Item, int Position, bool Click, double Propensity);
