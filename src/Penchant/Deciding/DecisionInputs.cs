using Penchant.Signals;

namespace Penchant.Deciding;

/// <summary>Validation of a decision's inputs, shared by the decider and the decision's codec: bad input is rejected whole.</summary>
internal static class DecisionInputs
{
    /// <summary>The longest decision or action identifier.</summary>
    public const int MaxIdLength = 200;

    private const int MaxKeptIds = 10_000;

    [ThreadStatic]
    private static HashSet<string>? t_ids;

    public static void ValidateId(string? id, string parameterName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id, parameterName);
        if (id.Length > MaxIdLength)
        {
            throw new ArgumentException($"An identifier is 1 to {MaxIdLength} characters long.", parameterName);
        }

        foreach (char c in id)
        {
            if (c is < '!' or > '~')
            {
                throw new ArgumentException("A decision identifier may contain only printable ASCII characters without spaces.", parameterName);
            }
        }
    }

    public static void ValidateContext(DecisionContext? context, SignalRules rules, int maxFeatures, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(context, parameterName);
        rules.OptionalText(context.Text, parameterName);
        ValidateFeatures(context.Features, maxFeatures, parameterName);
    }

    public static void ValidateActions(IReadOnlyList<DecisionAction>? actions, SignalRules rules, int maxActions, int maxFeatures, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(actions, parameterName);
        if (actions.Count == 0)
        {
            throw new ArgumentException("Give at least one action to decide among.", parameterName);
        }

        if (actions.Count > maxActions)
        {
            throw new ArgumentException($"A decision has at most {maxActions} actions; {actions.Count} were given.", parameterName);
        }

        // One set per thread, cleared and reused: a decision's validation allocates nothing (it runs on every decision).
        HashSet<string> ids = t_ids ??= new HashSet<string>(StringComparer.Ordinal);
        ids.Clear();
        try
        {
            CheckActions(actions, ids, rules, maxFeatures, parameterName);
        }
        finally
        {
            if (ids.Count > MaxKeptIds)
            {
                // A very large decision does not keep its set alive for the thread's lifetime.
                t_ids = null;
            }
            else
            {
                ids.Clear();
            }
        }
    }

    private static void CheckActions(IReadOnlyList<DecisionAction> actions, HashSet<string> ids, SignalRules rules, int maxFeatures, string parameterName)
    {
        for (int i = 0; i < actions.Count; i++)
        {
            DecisionAction? action = actions[i];
            if (action is null)
            {
                throw new ArgumentException("An action is null.", parameterName);
            }

            ArgumentException.ThrowIfNullOrWhiteSpace(action.Id, parameterName);
            if (action.Id.Length > Feature.MaxNameLength || action.Id.Contains('\0', StringComparison.Ordinal))
            {
                throw new ArgumentException($"An action identifier is 1 to {Feature.MaxNameLength} characters without NUL.", parameterName);
            }

            if (!ids.Add(action.Id))
            {
                throw new ArgumentException($"The action identifier '{action.Id}' appears more than once.", parameterName);
            }

            rules.OptionalText(action.Text, parameterName);
            ValidateFeatures(action.Features, maxFeatures, parameterName);
        }
    }

    private static void ValidateFeatures(IReadOnlyList<Feature>? features, int maxFeatures, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(features, parameterName);
        if (features.Count > maxFeatures)
        {
            throw new ArgumentException($"At most {maxFeatures} features are accepted; {features.Count} were given.", parameterName);
        }

        for (int i = 0; i < features.Count; i++)
        {
            Feature feature = features[i];
            if (string.IsNullOrEmpty(feature.Name) || feature.Name.Length > Feature.MaxNameLength || feature.Name.Contains('\0', StringComparison.Ordinal))
            {
                throw new ArgumentException($"A feature name is 1 to {Feature.MaxNameLength} characters without NUL.", parameterName);
            }

            if (!double.IsFinite(feature.Value))
            {
                throw new ArgumentException($"The feature '{feature.Name}' has a value that is not a finite number.", parameterName);
            }
        }
    }
}
