namespace Penchant.Deciding;

/// <summary>An action and the probability the decision chose it (for a slate: chose it first).</summary>
/// <param name="Id">The action.</param>
/// <param name="Probability">The probability.</param>
public readonly record struct ActionProbability(string Id, double Probability);
