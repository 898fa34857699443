using System.Collections;

namespace Penchant.Deciding;

/// <summary>
/// A decision's actions as the decider checked them (<see cref="DecisionInputs.ValidateActions"/>): a copy the caller
/// cannot change, so the decision's codec need not check them a second time when the decision is recorded.
/// </summary>
/// <remarks>Thread-safe (read-only). Only the decider makes one, after the checks passed.</remarks>
internal sealed class ValidatedActions : IReadOnlyList<DecisionAction>
{
    private readonly DecisionAction[] _actions;

    /// <summary>Initializes a new instance of the <see cref="ValidatedActions"/> class over actions already checked.</summary>
    /// <param name="actions">The checked actions; the instance takes the array over (nobody else may change it).</param>
    public ValidatedActions(DecisionAction[] actions) => _actions = actions;

    public int Count => _actions.Length;

    public DecisionAction this[int index] => _actions[index];

    public IEnumerator<DecisionAction> GetEnumerator() => ((IEnumerable<DecisionAction>)_actions).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
