using Penchant.Domain;
using Penchant.Storage;

namespace Penchant.Sqlite;

/// <summary>Rejects a malformed <see cref="UserChange"/> whole, before anything is written.</summary>
internal static class ChangeValidation
{
    public static void Validate(UserChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.ExpectedVersion < 0)
        {
            throw new ArgumentException("The expected version cannot be negative.", nameof(change));
        }

        if (change.Append is null || change.Upsert is null || change.Delete is null || change.Redact is null)
        {
            throw new ArgumentException("The change's lists cannot be null; leave them empty instead.", nameof(change));
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (PreferenceEvent? item in change.Append)
        {
            if (item is null || string.IsNullOrWhiteSpace(item.Id))
            {
                throw new ArgumentException("Every appended event needs an identifier.", nameof(change));
            }

            if (!ids.Add(item.Id))
            {
                throw new ArgumentException($"The change appends two events with identifier '{item.Id}'.", nameof(change));
            }
        }

        foreach (Preference? preference in change.Upsert)
        {
            if (preference is null || string.IsNullOrWhiteSpace(preference.Id) || preference.Text is null)
            {
                throw new ArgumentException("Every upserted preference needs an identifier and a text.", nameof(change));
            }
        }

        foreach (string? id in change.Delete)
        {
            if (string.IsNullOrWhiteSpace(id))
            {
                throw new ArgumentException("A preference identifier to delete cannot be empty.", nameof(change));
            }
        }

        foreach (string? id in change.Redact)
        {
            if (string.IsNullOrWhiteSpace(id))
            {
                throw new ArgumentException("An event identifier to redact cannot be empty.", nameof(change));
            }
        }
    }

    public static bool IsEmpty(UserChange change) =>
        change.Append.Count == 0 && change.Upsert.Count == 0 && change.Delete.Count == 0 && change.Redact.Count == 0
        && !change.ReplaceAllPreferences;
}
