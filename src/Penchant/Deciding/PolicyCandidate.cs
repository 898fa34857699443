namespace Penchant.Deciding;

/// <summary>A policy to evaluate off-policy (the <c>EvaluatePolicyAsync</c> methods of <see cref="IDecider"/>): learned afresh over the log, as it would have been.</summary>
/// <param name="Policy">The policy.</param>
public sealed record PolicyCandidate(DecisionPolicy Policy)
{
    /// <summary>Gets the uniform exploration mixed in; <see cref="DecidingOptions.ExplorationRate"/> when <see langword="null"/>.</summary>
    public double? ExplorationRate { get; init; }

    /// <summary>Gets the seed of the candidate's own randomness (Thompson draws), so an evaluation is repeatable.</summary>
    /// <value>The default is 17.</value>
    public int Seed { get; init; } = 17;
}
