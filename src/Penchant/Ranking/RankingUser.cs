using System.Collections.Concurrent;
using Penchant.Domain;

namespace Penchant.Ranking;

/// <summary>
/// What ranking derives from one user's state and keeps with it (<see cref="Storage.UserSnapshot"/>): each preference's
/// clauses and what general knowledge says about each clause object. It goes with the snapshot, so a new state, a
/// forgotten preference or a forgotten user leaves none of the user's words in a cache of the process.
/// </summary>
/// <remarks>Thread-safe. Bounded: one entry per current preference, and at most <see cref="MaxObjects"/> clause objects.</remarks>
internal sealed class RankingUser
{
    /// <summary>The most clause objects kept (each request can narrow a clause to a new one); past it they are looked up afresh.</summary>
    public const int MaxObjects = 1024;

    private readonly ConcurrentDictionary<string, (string Text, List<PreferenceClause> Clauses)> _clauses = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ClauseKnowledge> _knowledge = new(StringComparer.Ordinal);

    /// <summary>Gets how many preferences' clauses and clause objects are kept.</summary>
    public int Count => _clauses.Count + _knowledge.Count;

    /// <summary>Gets the clauses of a preference, splitting its text on first use.</summary>
    public List<PreferenceClause> ClausesOf(Preference preference)
    {
        if (_clauses.TryGetValue(preference.Id, out (string Text, List<PreferenceClause> Clauses) known) && string.Equals(known.Text, preference.Text, StringComparison.Ordinal))
        {
            return known.Clauses;
        }

        List<PreferenceClause> clauses = PreferenceClauses.Split(preference.Text);
        _clauses[preference.Id] = (preference.Text, clauses);
        return clauses;
    }

    /// <summary>Gets what is known about a clause object, looking it up on first use.</summary>
    public ClauseKnowledge KnowledgeOf(string clauseObject)
    {
        if (_knowledge.TryGetValue(clauseObject, out ClauseKnowledge? known))
        {
            return known;
        }

        ClauseKnowledge found = ClauseKnowledge.Of(clauseObject);
        if (_knowledge.Count < MaxObjects)
        {
            _knowledge.TryAdd(clauseObject, found);
        }

        return found;
    }
}
