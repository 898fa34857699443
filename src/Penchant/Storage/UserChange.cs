using Penchant.Domain;

namespace Penchant.Storage;

/// <summary>
/// Everything one engine operation changes for one user, committed atomically by
/// <see cref="IPreferenceStore.CommitAsync"/>: either all of it is durable or none of it is.
/// </summary>
public sealed record UserChange
{
    /// <summary>Gets the log version (sequence of the last event) the change was computed from; the commit fails with <see cref="ConcurrencyException"/> if the log moved on.</summary>
    public long ExpectedVersion { get; init; }

    /// <summary>Gets the events to append, in order; the store assigns their sequence numbers.</summary>
    public IReadOnlyList<PreferenceEvent> Append { get; init; } = [];

    /// <summary>Gets preferences to insert or replace (matched by <see cref="Preference.Id"/>).</summary>
    public IReadOnlyList<Preference> Upsert { get; init; } = [];

    /// <summary>Gets identifiers of preferences to delete.</summary>
    public IReadOnlyList<string> Delete { get; init; } = [];

    /// <summary>Gets identifiers of events whose text must be erased.</summary>
    public IReadOnlyList<string> Redact { get; init; } = [];

    /// <summary>Gets a value indicating whether every derived preference is deleted before <see cref="Upsert"/> (used by a rebuild).</summary>
    public bool ReplaceAllPreferences { get; init; }
}
