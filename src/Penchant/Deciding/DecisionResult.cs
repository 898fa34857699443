namespace Penchant.Deciding;

/// <summary>The outcome of <see cref="IDecider.DecideAsync"/>.</summary>
/// <param name="DecisionId">The decision's identifier: the key its reward names.</param>
/// <param name="Slate">The chosen actions in order (one unless a slate was asked for), each with the probability it was chosen in its slot.</param>
/// <param name="Ranking">Every eligible action, chosen ones first then by predicted reward, with the probability of being chosen first.</param>
public sealed record DecisionResult(string DecisionId, IReadOnlyList<ActionProbability> Slate, IReadOnlyList<ActionProbability> Ranking)
{
    /// <summary>Gets the chosen action (the first of the slate).</summary>
    public ActionProbability Chosen => Slate[0];

    /// <summary>Gets the policy that chose.</summary>
    public DecisionPolicy Policy { get; init; }

    /// <summary>Gets a value indicating whether the decision was made in apprentice mode (the default action returned).</summary>
    public bool Apprentice { get; init; }

    /// <summary>Gets the action the learned policy would have chosen first; the same as <see cref="Chosen"/> unless in apprentice mode.</summary>
    public string? LearnedActionId { get; init; }

    /// <summary>Gets a value indicating whether the decision waits for <see cref="IDecider.ActivateAsync"/> before it is learned from.</summary>
    public bool Deferred { get; init; }

    /// <summary>Gets a value indicating whether this answers a decision already made with the same identifier.</summary>
    public bool Replayed { get; init; }
}
