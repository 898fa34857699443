using Penchant.Domain;
using Penchant.Storage;

namespace Penchant.Searching;

/// <summary>
/// What a search needs from one state of a user, built on the first search of that state and kept with it
/// (<see cref="UserSnapshot.KeepDerived{T}"/>): the current preferences and their texts tokenized for BM25. The state cache
/// replaces the snapshot, and with it this index, when the user's log position moves on.
/// </summary>
/// <remarks>Immutable and thread-safe. Expiry is not applied here: it depends on the time of the search, not on the state.</remarks>
internal sealed class SearchIndex
{
    private SearchIndex(UserState state)
    {
        Current = [.. state.Preferences.Where(static p => p.IsCurrent)];
        Lexical = new Bm25([.. Current.Select(static p => p.Text)]);
    }

    /// <summary>Gets the state's current preferences, in creation order.</summary>
    public IReadOnlyList<Preference> Current { get; }

    /// <summary>Gets the BM25 index over <see cref="Current"/>'s texts, in the same order.</summary>
    public Bm25 Lexical { get; }

    /// <summary>Gets the index of a snapshot, building and keeping it on first use.</summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <returns>The index.</returns>
    public static SearchIndex Of(UserSnapshot snapshot)
    {
        if (snapshot.Derived<SearchIndex>() is { } kept)
        {
            return kept;
        }

        var index = new SearchIndex(snapshot.State);
        snapshot.KeepDerived(index);
        return index;
    }
}
