using Penchant.Deciding;

namespace Penchant.Signals;

/// <summary>
/// A decision a policy made (<see cref="IDecider.DecideAsync"/>): the context, the actions it chose among, the slate it
/// chose, and the probability of every action, so the log can evaluate other policies off-policy.
/// </summary>
/// <param name="DecisionId">The decision's identifier (the key its reward names).</param>
/// <param name="Context">The context.</param>
/// <param name="Actions">The eligible actions, as given (with any feature the decision added, such as the stated-preference score).</param>
/// <param name="Slate">The indexes of the chosen actions, in slot order.</param>
/// <param name="SlateProbabilities">The probability each slot's action was chosen in its slot.</param>
/// <param name="Probabilities">Every action's probability of being chosen first (they sum to 1).</param>
/// <param name="At">When; the engine's clock when <see langword="null"/>.</param>
public sealed record Decision(
    string DecisionId,
    DecisionContext Context,
    IReadOnlyList<DecisionAction> Actions,
    IReadOnlyList<int> Slate,
    IReadOnlyList<double> SlateProbabilities,
    IReadOnlyList<double> Probabilities,
    DateTimeOffset? At = null) : Signal
{
    /// <summary>Gets the policy that chose.</summary>
    public DecisionPolicy Policy { get; init; }

    /// <summary>Gets a value indicating whether the application's default action was returned (apprentice mode).</summary>
    public bool Apprentice { get; init; }

    /// <summary>Gets the index of the action the learned policy would have chosen first (for apprentice mode's agreement).</summary>
    public int LearnedIndex { get; init; }

    /// <summary>Gets a value indicating whether the decision is learned from only once activated.</summary>
    public bool Deferred { get; init; }
}
