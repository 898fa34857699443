using System.Numerics.Tensors;
using Penchant.Domain;
using Penchant.Language;
using Penchant.Learning.Statements;

namespace Penchant.Selecting;

/// <summary>
/// The filter after the gate for narrowed scopes (see <see cref="PreferenceScope.Exclusions"/>): a selected preference is
/// dropped when the request names one of its exclusions in words (the same recipient, or every content word the exclusion
/// adds to the preference and its scope), or is closer in meaning to an exclusion than to the scope.
/// </summary>
internal static class ScopeExclusions
{
    /// <summary>Removes the excluded preferences from <paramref name="selected"/> and returns them with an "excluded: …" reason.</summary>
    /// <param name="selected">What the gate selected; changed in place.</param>
    /// <param name="prepared">The prepared preferences the gate scored.</param>
    /// <param name="request">The request.</param>
    /// <returns>The preferences removed, in the order they were selected.</returns>
    public static List<SelectedPreference> Apply(List<SelectedPreference> selected, IReadOnlyList<PreparedPreference> prepared, RequestView request)
    {
        var excluded = new List<SelectedPreference>();
        for (int i = 0; i < selected.Count; i++)
        {
            if (selected[i].Preference.Scope.Exclusions.Count == 0 || Find(prepared, selected[i].Preference) is not { } p
                || Excluding(p, request) is not { } exclusion)
            {
                continue;
            }

            excluded.Add(selected[i] with { Reasons = [$"excluded: {exclusion}", .. selected[i].Reasons] });
            selected.RemoveAt(i--);
        }

        return excluded;
    }

    /// <summary>Finds the exclusion of a preference's scope that the request falls under, if any.</summary>
    internal static string? Excluding(PreparedPreference p, RequestView request)
    {
        IReadOnlyList<string> exclusions = p.Preference.Scope.Exclusions;
        double toScope = Closeness(request, p.ScopeVector ?? p.Preference.Embedding.ToArray());
        for (int k = 0; k < exclusions.Count; k++)
        {
            string exclusion = exclusions[k];
            string lower = exclusion.ToLowerInvariant();
            if (StatementAnalyzer.RecipientOf(lower) is { } recipient && request.Recipient == recipient)
            {
                return exclusion;
            }

            // The words the exclusion adds to what the preference and its scope already say ("friends" in "emails to my friends"
            // for a rule about emails): the request names the exclusion when it says all of them.
            HashSet<string> added = TextTools.ContentStems(exclusion);
            added.ExceptWith(p.Stems);
            added.ExceptWith(p.ScopeStems);
            if (added.Count > 0 && TextTools.Coverage(added, request.Stems) >= 1)
            {
                return exclusion;
            }

            if (k < p.ExclusionVectors.Length && p.ExclusionVectors[k].Length > 0 && Closeness(request, p.ExclusionVectors[k]) > toScope)
            {
                return exclusion;
            }
        }

        return null;
    }

    /// <summary>How close the request, or its situation, is to a phrase in meaning.</summary>
    internal static double Closeness(RequestView request, float[] phrase)
    {
        if (phrase.Length == 0)
        {
            return 0;
        }

        double similarity = TensorPrimitives.Dot(request.Vector, phrase);
        return request.SituationVector is { } situation ? Math.Max(similarity, TensorPrimitives.Dot(situation, phrase)) : similarity;
    }

    private static PreparedPreference? Find(IReadOnlyList<PreparedPreference> prepared, Preference preference)
    {
        for (int i = 0; i < prepared.Count; i++)
        {
            if (ReferenceEquals(prepared[i].Preference, preference) || string.Equals(prepared[i].Preference.Id, preference.Id, StringComparison.Ordinal))
            {
                return prepared[i];
            }
        }

        return null;
    }
}
