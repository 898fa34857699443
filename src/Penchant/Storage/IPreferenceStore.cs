using Penchant.Domain;
using Penchant.Signals;
using Penchant.Webhooks;

namespace Penchant.Storage;

/// <summary>
/// Durable storage for users' event logs and derived preferences. Every operation is scoped by a
/// <see cref="UserKey"/> (tenant and user); a store never returns data of another tenant.
/// </summary>
/// <remarks>
/// Implementations must be safe for concurrent use. <see cref="CommitAsync"/> is atomic and durable when it returns,
/// and rejects a change computed from a stale version with <see cref="ConcurrencyException"/>.
/// Every store must pass the conformance suite in <c>tests/Penchant.Storage.Conformance</c>.
/// </remarks>
public interface IPreferenceStore
{
    /// <summary>Creates or upgrades the schema; idempotent.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the store is ready.</returns>
    Task InitializeAsync(CancellationToken cancellationToken = default);

    /// <summary>Reads a user's preferences (current and superseded) and log version in one consistent snapshot.</summary>
    /// <param name="user">The user.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The state; <see cref="UserState.Empty"/> for an unknown user.</returns>
    Task<UserState> GetStateAsync(UserKey user, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads the user's preferences (current and superseded) whose metadata passes a filter, and the log version, in one
    /// consistent snapshot, as <see cref="GetStateAsync(UserKey, CancellationToken)"/> reads them all.
    /// </summary>
    /// <param name="user">The user.</param>
    /// <param name="filter">Which metadata the preferences must have; <see cref="MetadataFilter.None"/> reads every preference.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The state with only the preferences that pass, in creation order; <see cref="UserState.Empty"/> for an unknown user.</returns>
    /// <remarks>
    /// Durable stores answer from an index of the preferences' metadata (tenant, user, key, value, preference), written in
    /// the transaction that writes the preferences and deleted with them, rather than by reading every preference.
    /// </remarks>
    Task<UserState> GetStateAsync(UserKey user, MetadataFilter filter, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads where a user's log stands, cheaply (one indexed lookup): an engine checks its cached copy of the user's state
    /// against it before every read, so a write committed by another process is seen at once.
    /// </summary>
    /// <param name="user">The user.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The position; version 0 and no identifier for an unknown user.</returns>
    Task<LogPosition> GetLogPositionAsync(UserKey user, CancellationToken cancellationToken = default);

    /// <summary>Finds events of a user's log by identifier (an idempotent write looks for the events its key names).</summary>
    /// <param name="user">The user.</param>
    /// <param name="eventIds">The identifiers.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The events found, in sequence order; identifiers not in the log are left out.</returns>
    Task<IReadOnlyList<PreferenceEvent>> FindEventsAsync(UserKey user, IReadOnlyCollection<string> eventIds, CancellationToken cancellationToken = default);

    /// <summary>Atomically applies a change to one user.</summary>
    /// <param name="user">The user.</param>
    /// <param name="change">The change.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The appended events with their assigned sequence numbers.</returns>
    /// <exception cref="ConcurrencyException">The user's log version is not <see cref="UserChange.ExpectedVersion"/>.</exception>
    Task<IReadOnlyList<PreferenceEvent>> CommitAsync(UserKey user, UserChange change, CancellationToken cancellationToken = default);

    /// <summary>Streams a user's event log in sequence order.</summary>
    /// <param name="user">The user.</param>
    /// <param name="afterSequence">Only events with a greater sequence are returned.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The events.</returns>
    IAsyncEnumerable<PreferenceEvent> ReadEventsAsync(UserKey user, long afterSequence = 0, CancellationToken cancellationToken = default);

    /// <summary>Deletes every row of a user: events, preferences and anything else stored for them.</summary>
    /// <param name="user">The user.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see langword="true"/> if the user existed.</returns>
    Task<bool> DeleteUserAsync(UserKey user, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes every row of a user, as <see cref="DeleteUserAsync(UserKey, CancellationToken)"/> does, and when the user existed
    /// adds <paramref name="deliveries"/> to the webhook outbox in the same transaction.
    /// </summary>
    /// <param name="user">The user.</param>
    /// <param name="deliveries">The webhook deliveries that report the deletion.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see langword="true"/> if the user existed.</returns>
    Task<bool> DeleteUserAsync(UserKey user, IReadOnlyList<WebhookDelivery> deliveries, CancellationToken cancellationToken = default);

    /// <summary>Lists the users of a tenant that have at least one event.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The user identifiers in ordinal order.</returns>
    IAsyncEnumerable<string> ListUsersAsync(string tenantId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Lists the users, of every tenant, with at least one preference (current or superseded) whose
    /// <see cref="Preference.ExpiresAt"/> is at or before <paramref name="asOf"/>: the users an expiry sweep visits. Stores
    /// answer from an index on the expiry time.
    /// </summary>
    /// <param name="asOf">The moment.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The users, each once.</returns>
    IAsyncEnumerable<UserKey> ListUsersWithExpiredPreferencesAsync(DateTimeOffset asOf, CancellationToken cancellationToken = default);

    /// <summary>
    /// Lists one page of a tenant's users (those with at least one event) with their counts and last activity, in ordinal
    /// order of the user identifier, starting after <paramref name="afterUserId"/>.
    /// </summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="afterUserId">The last user identifier of the previous page, or <see langword="null"/> for the first page.</param>
    /// <param name="limit">The largest number of users to return (at least 1).</param>
    /// <param name="contains">When not empty, only users whose identifier contains this text (ordinal, case-sensitive).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>At most <paramref name="limit"/> summaries; fewer only on the last page.</returns>
    /// <remarks>Keyset paging: a user added or deleted between two pages never shifts the users of later pages.</remarks>
    Task<IReadOnlyList<UserSummary>> ListUserSummariesAsync(string tenantId, string? afterUserId, int limit, string? contains = null, CancellationToken cancellationToken = default);

    /// <summary>Summarizes one user: counts and last activity.</summary>
    /// <param name="user">The user.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The summary, or <see langword="null"/> if the user has no events.</returns>
    Task<UserSummary?> GetUserSummaryAsync(UserKey user, CancellationToken cancellationToken = default);

    /// <summary>Reads a tenant-level model (for example the population ranking model).</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="name">The model name.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The model, or <see langword="null"/> if none was saved.</returns>
    Task<StoredModel?> GetModelAsync(string tenantId, string name, CancellationToken cancellationToken = default);

    /// <summary>Saves a tenant-level model with optimistic versioning.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="name">The model name.</param>
    /// <param name="payload">The serialized parameters.</param>
    /// <param name="expectedVersion">The version the caller read (0 when none existed).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The new version (<paramref name="expectedVersion"/> + 1).</returns>
    /// <exception cref="ConcurrencyException">The stored version is not <paramref name="expectedVersion"/>.</exception>
    Task<long> SaveModelAsync(string tenantId, string name, ReadOnlyMemory<byte> payload, long expectedVersion, CancellationToken cancellationToken = default);

    /// <summary>Reads one user's part of a model (for example their mixture weights).</summary>
    /// <param name="user">The user.</param>
    /// <param name="name">The model name.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The model, or <see langword="null"/> if none was saved.</returns>
    Task<StoredModel?> GetUserModelAsync(UserKey user, string name, CancellationToken cancellationToken = default);

    /// <summary>Saves one user's part of a model with optimistic versioning; <see cref="DeleteUserAsync(UserKey, CancellationToken)"/> removes it.</summary>
    /// <param name="user">The user.</param>
    /// <param name="name">The model name.</param>
    /// <param name="payload">The serialized parameters.</param>
    /// <param name="expectedVersion">The version the caller read (0 when none existed).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The new version (<paramref name="expectedVersion"/> + 1).</returns>
    /// <exception cref="ConcurrencyException">The stored version is not <paramref name="expectedVersion"/>.</exception>
    Task<long> SaveUserModelAsync(UserKey user, string name, ReadOnlyMemory<byte> payload, long expectedVersion, CancellationToken cancellationToken = default);
}
