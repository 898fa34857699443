namespace Penchant.Deciding;

/// <summary>How one decision is made; every property has a default.</summary>
public sealed record DecisionOptions
{
    /// <summary>Gets the identifier the decision is logged under (the key a reward names); a new one when <see langword="null"/>.</summary>
    /// <value>1 to 200 printable ASCII characters. Deciding again with the same identifier answers with the first decision.</value>
    public string? DecisionId { get; init; }

    /// <summary>Gets how many actions to choose, in order (a slate); each slot is decided among the actions left.</summary>
    /// <value>The default is 1.</value>
    public int SlateSize { get; init; } = 1;

    /// <summary>Gets the identifiers of actions that must not be chosen this time (they are kept out of the decision).</summary>
    public IReadOnlyList<string> ExcludedActionIds { get; init; } = [];

    /// <summary>
    /// Gets a value indicating whether the decision returns the application's default action (<see cref="DefaultActionId"/>,
    /// else the first action) while the policy learns from its rewards: apprentice mode.
    /// </summary>
    public bool Apprentice { get; init; }

    /// <summary>Gets the application's default action, for apprentice mode; the first action when <see langword="null"/>.</summary>
    public string? DefaultActionId { get; init; }

    /// <summary>
    /// Gets a value indicating whether the decision is learned from only once it is activated
    /// (<see cref="IDecider.ActivateAsync"/>): for decisions made before the application knows the user will see them.
    /// </summary>
    public bool DeferActivation { get; init; }

    /// <summary>Gets the policy for this decision; <see cref="DecidingOptions.Policy"/> when <see langword="null"/>.</summary>
    public DecisionPolicy? Policy { get; init; }
}
