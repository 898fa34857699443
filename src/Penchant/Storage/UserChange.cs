using Penchant.Domain;
using Penchant.Signals;
using Penchant.Webhooks;

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

    /// <summary>
    /// Gets the user's model parts to save, by model name (for example the personal ranking part a comparison moved); each
    /// saved part's version goes up by one, as <see cref="IPreferenceStore.SaveUserModelAsync"/> would.
    /// </summary>
    public IReadOnlyDictionary<string, ReadOnlyMemory<byte>> UpsertModels { get; init; } = EmptyModels;

    /// <summary>Gets a value indicating whether every model part of the user is deleted before <see cref="UpsertModels"/> (used by a rebuild).</summary>
    public bool ReplaceAllModels { get; init; }

    /// <summary>
    /// Gets the webhook deliveries to add to the outbox with the change, in the same transaction (a delivery whose
    /// identifier is already there is left as it is); they do not make an otherwise empty change non-empty.
    /// </summary>
    public IReadOnlyList<WebhookDelivery> Deliveries { get; init; } = [];

    /// <summary>Gets a value indicating whether the change changes nothing.</summary>
    public bool IsEmpty => Append.Count == 0 && Upsert.Count == 0 && Delete.Count == 0 && Redact.Count == 0 && UpsertModels.Count == 0 && !ReplaceAllPreferences && !ReplaceAllModels;

    private static readonly IReadOnlyDictionary<string, ReadOnlyMemory<byte>> EmptyModels = new Dictionary<string, ReadOnlyMemory<byte>>();

    // Stores report a malformed change against their own parameter, which every store names "change".
    private const string ParameterName = "change";

    /// <summary>Rejects a malformed change whole, before a store writes anything (every store calls this first).</summary>
    /// <exception cref="ArgumentException">A list is null, the version is negative, an event or preference has no identifier, or two appended events share one.</exception>
    public void Validate()
    {
        if (ExpectedVersion < 0)
        {
            throw new ArgumentException("The expected version cannot be negative.", ParameterName);
        }

        if (Append is null || Upsert is null || Delete is null || Redact is null || UpsertModels is null || Deliveries is null)
        {
            throw new ArgumentException("The change's lists cannot be null; leave them empty instead.", ParameterName);
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (PreferenceEvent? item in Append)
        {
            if (item is null || string.IsNullOrWhiteSpace(item.Id))
            {
                throw new ArgumentException("Every appended event needs an identifier.", ParameterName);
            }

            if (!ids.Add(item.Id))
            {
                throw new ArgumentException($"The change appends two events with identifier '{item.Id}'.", ParameterName);
            }
        }

        foreach (Preference? preference in Upsert)
        {
            if (preference is null || string.IsNullOrWhiteSpace(preference.Id) || preference.Text is null)
            {
                throw new ArgumentException("Every upserted preference needs an identifier and a text.", ParameterName);
            }
        }

        foreach (string? id in Delete)
        {
            if (string.IsNullOrWhiteSpace(id))
            {
                throw new ArgumentException("A preference identifier to delete cannot be empty.", ParameterName);
            }
        }

        foreach (string? name in UpsertModels.Keys)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                throw new ArgumentException("A model name cannot be empty.", ParameterName);
            }
        }

        foreach (string? id in Redact)
        {
            if (string.IsNullOrWhiteSpace(id))
            {
                throw new ArgumentException("An event identifier to redact cannot be empty.", ParameterName);
            }
        }

        foreach (WebhookDelivery? delivery in Deliveries)
        {
            if (delivery is null || string.IsNullOrWhiteSpace(delivery.Id) || string.IsNullOrWhiteSpace(delivery.TenantId))
            {
                throw new ArgumentException("Every webhook delivery needs an identifier and a tenant.", ParameterName);
            }
        }
    }
}
