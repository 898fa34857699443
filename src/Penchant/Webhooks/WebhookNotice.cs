using Penchant.Domain;
using Penchant.Signals;
using Penchant.Storage;

namespace Penchant.Webhooks;

/// <summary>What one change does that webhooks may be told about (identifiers and preferences, read from the change).</summary>
/// <param name="EventIds">The identifiers of the events the change appends.</param>
/// <param name="Created">The preferences the change creates.</param>
/// <param name="Superseded">The preferences the change retires (a newer statement or an edit superseded them).</param>
/// <param name="Forgotten">The identifiers of the preferences the change forgets.</param>
/// <param name="UserForgotten">Whether everything about the user is deleted.</param>
public sealed record WebhookNotice(
    IReadOnlyList<string> EventIds,
    IReadOnlyList<Preference> Created,
    IReadOnlyList<Preference> Superseded,
    IReadOnlyList<string> Forgotten,
    bool UserForgotten = false)
{
    /// <summary>Gets the notice that everything about a user is deleted.</summary>
    public static WebhookNotice ForUserForgotten { get; } = new([], [], [], [], UserForgotten: true);

    /// <summary>Gets a value indicating whether there is nothing to tell.</summary>
    public bool IsEmpty => Created.Count == 0 && Superseded.Count == 0 && Forgotten.Count == 0 && !UserForgotten;

    /// <summary>Reads what a change does to a user's state: preferences it adds are created, preferences it marks superseded are retired, retractions forget their targets. A rebuild (which replaces everything) tells nothing.</summary>
    /// <param name="before">The user's state the change was computed from.</param>
    /// <param name="change">The change.</param>
    /// <returns>The notice.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="before"/> or <paramref name="change"/> is <see langword="null"/>.</exception>
    public static WebhookNotice Of(UserState before, UserChange change)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(change);
        if (change.ReplaceAllPreferences)
        {
            return new([], [], [], []);
        }

        var existing = new Dictionary<string, Preference>(StringComparer.Ordinal);
        foreach (Preference p in before.Preferences)
        {
            existing[p.Id] = p;
        }

        var created = new List<Preference>();
        var superseded = new List<Preference>();
        foreach (Preference p in change.Upsert)
        {
            if (!existing.TryGetValue(p.Id, out Preference? old))
            {
                created.Add(p);
            }
            else if (p.SupersededBy is not null && old.SupersededBy is null)
            {
                superseded.Add(p);
            }
        }

        var forgotten = new List<string>();
        foreach (PreferenceEvent e in change.Append)
        {
            if (e.Kind == EventKind.Retraction && e.Target is { } target)
            {
                forgotten.Add(target);
            }
        }

        return new([.. change.Append.Select(static e => e.Id)], created, superseded, forgotten);
    }
}
