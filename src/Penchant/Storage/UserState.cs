using Penchant.Domain;

namespace Penchant.Storage;

/// <summary>A consistent snapshot of one user's preferences and the log version they reflect.</summary>
/// <param name="Version">The sequence of the last event in the user's log; 0 for a user with no events.</param>
/// <param name="Preferences">Every preference, current and superseded, in creation order.</param>
public sealed record UserState(long Version, IReadOnlyList<Preference> Preferences)
{
    /// <summary>Gets the state of a user nobody has seen.</summary>
    public static UserState Empty { get; } = new(0, []);

    /// <summary>Gets the identifier of the last event in the user's log, or <see langword="null"/> for a user with no events.</summary>
    public string? LastEventId { get; init; }

    /// <summary>Gets where the user's log stood when this state was read: what a cached copy is checked against.</summary>
    public LogPosition Position => new(Version, LastEventId);

    /// <summary>
    /// Gets the state a store holds after it committed <paramref name="change"/> to this state and appended
    /// <paramref name="appended"/> events: every store's contract, so a writer can carry on from what it committed instead
    /// of reading it back. A replaced preference keeps its position, a new one goes last, deletions apply after upserts.
    /// </summary>
    /// <param name="change">The committed change, computed from this state.</param>
    /// <param name="appended">The number of events the store appended.</param>
    /// <returns>The state after the change.</returns>
    public UserState After(UserChange change, int appended)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentOutOfRangeException.ThrowIfNegative(appended);
        var preferences = change.ReplaceAllPreferences ? [] : new List<Preference>(Preferences);
        foreach (Preference preference in change.Upsert)
        {
            int index = preferences.FindIndex(p => string.Equals(p.Id, preference.Id, StringComparison.Ordinal));
            if (index >= 0)
            {
                preferences[index] = preference;
            }
            else
            {
                preferences.Add(preference);
            }
        }

        if (change.Delete.Count > 0)
        {
            var deleted = new HashSet<string>(change.Delete, StringComparer.Ordinal);
            preferences.RemoveAll(p => deleted.Contains(p.Id));
        }

        return new UserState(Version + appended, preferences)
        {
            LastEventId = appended > 0 && change.Append.Count > 0 ? change.Append[^1].Id : LastEventId,
        };
    }
}
