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

    /// <summary>
    /// Gets the content hash of the actions as the caller gave them (without what the decision added), when the decision
    /// was logged by reference to its action set; <see langword="null"/> for a decision that logs its actions in full.
    /// </summary>
    internal string? ActionSetId { get; init; }

    /// <summary>Gets the identifier of the decision whose log entry holds the action set (this decision's own when it carries it).</summary>
    internal string? CarrierId { get; init; }

    /// <summary>Gets the actions as the caller gave them (the action set), when <see cref="ActionSetId"/> is set and they are known.</summary>
    internal IReadOnlyList<DecisionAction>? SetActions { get; init; }

    /// <summary>Gets each action's stated-preference score, appended to its features as <c>penchant.preference</c>; <see langword="null"/> for none.</summary>
    internal IReadOnlyList<double>? PreferenceScores { get; init; }

    /// <summary>Gets the number of actions; known before the actions themselves for a decision read back by reference.</summary>
    internal int ActionCount { get; init; }

    /// <summary>Gets a value indicating whether the decision was read back by reference and its actions are still to be found (<see cref="WithActionSet"/>).</summary>
    internal bool NeedsActions => ActionSetId is not null && SetActions is null;

    /// <summary>Gets a value indicating whether the decision's own log entry holds its action set.</summary>
    internal bool CarriesActionSet => ActionSetId is not null && string.Equals(CarrierId, DecisionId, StringComparison.Ordinal);

    /// <summary>Gets this decision with its action set found: the actions, each with its stated-preference score when there are scores.</summary>
    /// <param name="set">The action set the decision refers to.</param>
    /// <returns>The decision, or <see langword="null"/> when the set does not have the decision's number of actions.</returns>
    internal Decision? WithActionSet(IReadOnlyList<DecisionAction> set)
    {
        if (set.Count != ActionCount || (PreferenceScores is { } s && s.Count != set.Count))
        {
            return null;
        }

        return this with { Actions = Scored(set, PreferenceScores), SetActions = set };
    }

    /// <summary>The actions with their stated-preference scores as one more feature each (the actions themselves when there are no scores).</summary>
    internal static DecisionAction[] Scored(IReadOnlyList<DecisionAction> set, IReadOnlyList<double>? scores)
    {
        if (scores is null && set is DecisionAction[] same)
        {
            return same;
        }

        var scored = new DecisionAction[set.Count];
        for (int i = 0; i < scored.Length; i++)
        {
            scored[i] = scores is null ? set[i] : set[i] with { Features = [.. set[i].Features, new Feature(Decider.PreferenceScoreFeature, scores[i])] };
        }

        return scored;
    }
}
