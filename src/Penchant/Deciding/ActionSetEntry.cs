namespace Penchant.Deciding;

/// <summary>
/// An action set a user's policy knows: its content hash, the decision whose log entry carries it, and its actions (a
/// frozen copy), so a later decision over the same actions logs only a reference to it.
/// </summary>
/// <remarks>Read and changed under the lock of the <see cref="PolicyState"/> that holds it.</remarks>
internal sealed class ActionSetEntry(string id, string carrierId, DecisionAction[] actions)
{
    /// <summary>Gets the set's content hash.</summary>
    public string Id { get; } = id;

    /// <summary>Gets the identifier of the decision whose log entry holds the set.</summary>
    public string CarrierId { get; } = carrierId;

    /// <summary>Gets the actions, as the caller gave them.</summary>
    public DecisionAction[] Actions { get; } = actions;

    /// <summary>Gets or sets a value indicating whether the carrying decision is committed to the log (a decision may refer to the set only then).</summary>
    public bool Logged { get; set; }

    /// <summary>Gets a value indicating whether <paramref name="actions"/> are this set: the same identifiers, texts and features, in order.</summary>
    public bool Matches(IReadOnlyList<DecisionAction> actions)
    {
        if (actions.Count != Actions.Length)
        {
            return false;
        }

        for (int a = 0; a < Actions.Length; a++)
        {
            DecisionAction mine = Actions[a];
            DecisionAction theirs = actions[a];
            if (ReferenceEquals(mine, theirs))
            {
                continue;
            }

            if (!string.Equals(mine.Id, theirs.Id, StringComparison.Ordinal) || !string.Equals(mine.Text, theirs.Text, StringComparison.Ordinal)
                || !SameFeatures(mine.Features, theirs.Features))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A copy of the actions that no later change to the caller's lists can reach.</summary>
    public static DecisionAction[] Freeze(IReadOnlyList<DecisionAction> actions)
    {
        var frozen = new DecisionAction[actions.Count];
        for (int a = 0; a < frozen.Length; a++)
        {
            DecisionAction action = actions[a];
            var features = new Feature[action.Features.Count];
            for (int i = 0; i < features.Length; i++)
            {
                features[i] = action.Features[i];
            }

            frozen[a] = action with { Features = features };
        }

        return frozen;
    }

    private static bool SameFeatures(IReadOnlyList<Feature> mine, IReadOnlyList<Feature> theirs)
    {
        if (ReferenceEquals(mine, theirs))
        {
            // A frozen copy is never the caller's list, so this is a set compared with itself.
            return true;
        }

        if (mine.Count != theirs.Count)
        {
            return false;
        }

        for (int i = 0; i < mine.Count; i++)
        {
            Feature a = mine[i];
            Feature b = theirs[i];
            if (!string.Equals(a.Name, b.Name, StringComparison.Ordinal) || BitConverter.DoubleToInt64Bits(a.Value) != BitConverter.DoubleToInt64Bits(b.Value))
            {
                return false;
            }
        }

        return true;
    }
}
