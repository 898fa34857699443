using System.Runtime.CompilerServices;
using Penchant.Domain;
using Penchant.Signals;
using Penchant.Storage;
using Penchant.Webhooks;

namespace Penchant.Testing;

/// <summary>
/// A preference store that keeps everything in memory, for fast unit tests of code built on Penchant.
/// It has the same semantics as the durable stores and passes the same conformance suite.
/// </summary>
/// <remarks>
/// The store is safe for concurrent use. Preferences and events are copied on the way in and out, so callers
/// cannot change stored data through a list they still hold. Nothing survives the instance.
/// </remarks>
public sealed class InMemoryPreferenceStore : IPreferenceStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<UserKey, UserData> _users = [];
    private readonly Dictionary<(string Tenant, string User, string Name), StoredModel> _models = [];
    private readonly Dictionary<string, WebhookDelivery> _outbox = new(StringComparer.Ordinal);

    /// <summary>Gets the webhook deliveries committed with changes and user deletions, in no particular order.</summary>
    public IReadOnlyList<WebhookDelivery> Outbox
    {
        get
        {
            lock (_gate)
            {
                return [.. _outbox.Values];
            }
        }
    }

    /// <inheritdoc/>
    public Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException"><paramref name="user"/> is not a valid key.</exception>
    public Task<UserState> GetStateAsync(UserKey user, CancellationToken cancellationToken = default)
    {
        user.Validate();
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (!_users.TryGetValue(user, out var data))
            {
                return Task.FromResult(UserState.Empty);
            }

            var preferences = new Preference[data.Preferences.Count];
            for (int i = 0; i < preferences.Length; i++)
            {
                preferences[i] = Copy(data.Preferences[i]);
            }

            return Task.FromResult(new UserState(data.Version, preferences) { LastEventId = data.Events.Count > 0 ? data.Events[^1].Id : null });
        }
    }

    /// <inheritdoc/>
    /// <remarks>Answered by reading every preference of the user (the reference the durable stores' indexes are tested against).</remarks>
    /// <exception cref="ArgumentException"><paramref name="user"/> is not a valid key.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="filter"/> is <see langword="null"/>.</exception>
    public async Task<UserState> GetStateAsync(UserKey user, MetadataFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        UserState state = await GetStateAsync(user, cancellationToken).ConfigureAwait(false);
        return filter.IsEmpty ? state : state with { Preferences = [.. state.Preferences.Where(p => filter.Matches(p.Metadata))] };
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException"><paramref name="user"/> is not a valid key.</exception>
    public Task<LogPosition> GetLogPositionAsync(UserKey user, CancellationToken cancellationToken = default)
    {
        user.Validate();
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult(_users.TryGetValue(user, out var data) && data.Events.Count > 0
                ? new LogPosition(data.Version, data.Events[^1].Id)
                : default);
        }
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException"><paramref name="user"/> is not a valid key.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="eventIds"/> is <see langword="null"/>.</exception>
    public Task<IReadOnlyList<PreferenceEvent>> FindEventsAsync(UserKey user, IReadOnlyCollection<string> eventIds, CancellationToken cancellationToken = default)
    {
        user.Validate();
        ArgumentNullException.ThrowIfNull(eventIds);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (!_users.TryGetValue(user, out var data))
            {
                return Task.FromResult<IReadOnlyList<PreferenceEvent>>([]);
            }

            var indexes = new SortedSet<int>();
            foreach (string id in eventIds)
            {
                if (id is not null && data.EventIndex.TryGetValue(id, out int index))
                {
                    indexes.Add(index);
                }
            }

            return Task.FromResult<IReadOnlyList<PreferenceEvent>>([.. indexes.Select(i => data.Events[i])]);
        }
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException"><paramref name="change"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="user"/> is not a valid key, or the change is malformed or appends an event whose identifier the user's log
    /// already holds; nothing is changed.
    /// </exception>
    public Task<IReadOnlyList<PreferenceEvent>> CommitAsync(UserKey user, UserChange change, CancellationToken cancellationToken = default)
    {
        user.Validate();
        ArgumentNullException.ThrowIfNull(change);
        change.Validate();
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            _users.TryGetValue(user, out var data);
            long version = data?.Version ?? 0;
            if (version != change.ExpectedVersion)
            {
                throw new ConcurrencyException($"The user's event log is at version {version}; the change was computed from version {change.ExpectedVersion}.");
            }

            if (change.IsEmpty)
            {
                return Task.FromResult<IReadOnlyList<PreferenceEvent>>([]);
            }

            // Check everything that can fail before changing anything.
            if (data is not null)
            {
                foreach (var item in change.Append)
                {
                    if (data.EventIndex.ContainsKey(item.Id))
                    {
                        throw new ArgumentException($"The user's event log already holds an event with identifier '{item.Id}'; nothing was changed.", nameof(change));
                    }
                }
            }

            if (data is null)
            {
                data = new UserData();
                _users.Add(user, data);
            }

            var redact = new HashSet<string>(change.Redact, StringComparer.Ordinal);
            var appended = new PreferenceEvent[change.Append.Count];
            for (int i = 0; i < appended.Length; i++)
            {
                var item = change.Append[i] with { Sequence = version + i + 1 };
                if (redact.Contains(item.Id))
                {
                    item = item.Redact();
                }

                data.EventIndex.Add(item.Id, data.Events.Count);
                data.Events.Add(item);
                appended[i] = item;
            }

            // Preferences change as every store's contract says (UserState.After); this store keeps copies of what it is given.
            UserState next = new UserState(version, data.Preferences).After(change with { Upsert = [.. change.Upsert.Select(Copy)] }, appended.Length);
            data.Preferences.Clear();
            data.Preferences.AddRange(next.Preferences);

            foreach (string id in redact)
            {
                if (data.EventIndex.TryGetValue(id, out int index))
                {
                    data.Events[index] = data.Events[index].Redact();
                }
            }

            if (change.ReplaceAllModels)
            {
                foreach (var key in _models.Keys.Where(k => k.Tenant == user.TenantId && k.User == user.UserId).ToList())
                {
                    _models.Remove(key);
                }
            }

            foreach ((string name, ReadOnlyMemory<byte> payload) in change.UpsertModels)
            {
                var key = (user.TenantId, user.UserId, name);
                long modelVersion = _models.TryGetValue(key, out StoredModel? previous) ? previous.Version + 1 : 1;
                _models[key] = new StoredModel(name, modelVersion, payload.ToArray());
            }

            data.Version = version + appended.Length;
            Enqueue(change.Deliveries);
            return Task.FromResult<IReadOnlyList<PreferenceEvent>>(appended);
        }
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException"><paramref name="user"/> is not a valid key.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="afterSequence"/> is negative.</exception>
    public IAsyncEnumerable<PreferenceEvent> ReadEventsAsync(UserKey user, long afterSequence = 0, CancellationToken cancellationToken = default)
    {
        user.Validate();
        ArgumentOutOfRangeException.ThrowIfNegative(afterSequence);
        return ReadEventsCoreAsync(user, afterSequence, cancellationToken);
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException"><paramref name="user"/> is not a valid key.</exception>
    public Task<bool> DeleteUserAsync(UserKey user, CancellationToken cancellationToken = default) => DeleteUserAsync(user, [], cancellationToken);

    /// <inheritdoc/>
    /// <exception cref="ArgumentException"><paramref name="user"/> is not a valid key.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="deliveries"/> is <see langword="null"/>.</exception>
    public Task<bool> DeleteUserAsync(UserKey user, IReadOnlyList<WebhookDelivery> deliveries, CancellationToken cancellationToken = default)
    {
        user.Validate();
        ArgumentNullException.ThrowIfNull(deliveries);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            bool existed = _users.Remove(user);
            foreach (var key in _models.Keys.ToList())
            {
                if (string.Equals(key.Tenant, user.TenantId, StringComparison.Ordinal) && string.Equals(key.User, user.UserId, StringComparison.Ordinal))
                {
                    existed |= _models.Remove(key);
                }
            }

            if (existed)
            {
                Enqueue(deliveries);
            }

            return Task.FromResult(existed);
        }
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException"><paramref name="tenantId"/> or <paramref name="name"/> is empty.</exception>
    public Task<StoredModel?> GetModelAsync(string tenantId, string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return GetModelCoreAsync((tenantId, string.Empty, name), cancellationToken);
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException"><paramref name="tenantId"/> or <paramref name="name"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="expectedVersion"/> is negative.</exception>
    public Task<long> SaveModelAsync(string tenantId, string name, ReadOnlyMemory<byte> payload, long expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        return SaveModelCoreAsync((tenantId, string.Empty, name), payload, expectedVersion, cancellationToken);
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException"><paramref name="user"/> is not a valid key, or <paramref name="name"/> is empty.</exception>
    public Task<StoredModel?> GetUserModelAsync(UserKey user, string name, CancellationToken cancellationToken = default)
    {
        user.Validate();
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return GetModelCoreAsync((user.TenantId, user.UserId, name), cancellationToken);
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException"><paramref name="user"/> is not a valid key, or <paramref name="name"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="expectedVersion"/> is negative.</exception>
    public Task<long> SaveUserModelAsync(UserKey user, string name, ReadOnlyMemory<byte> payload, long expectedVersion, CancellationToken cancellationToken = default)
    {
        user.Validate();
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        return SaveModelCoreAsync((user.TenantId, user.UserId, name), payload, expectedVersion, cancellationToken);
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException"><paramref name="tenantId"/> is <see langword="null"/>, empty or whitespace.</exception>
    public IAsyncEnumerable<string> ListUsersAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        return ListUsersCoreAsync(tenantId, cancellationToken);
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<UserKey> ListUsersWithExpiredPreferencesAsync(DateTimeOffset asOf, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        cancellationToken.ThrowIfCancellationRequested();
        var users = new List<UserKey>();
        lock (_gate)
        {
            foreach (var (key, data) in _users)
            {
                if (data.Preferences.Exists(p => p.IsExpiredAt(asOf)))
                {
                    users.Add(key);
                }
            }
        }

        foreach (UserKey user in users)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return user;
        }
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException"><paramref name="tenantId"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is less than 1.</exception>
    public Task<IReadOnlyList<UserSummary>> ListUserSummariesAsync(string tenantId, string? afterUserId, int limit, string? contains = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        cancellationToken.ThrowIfCancellationRequested();
        var page = new List<UserSummary>();
        lock (_gate)
        {
            foreach (var (key, data) in _users)
            {
                if (data.Version > 0
                    && string.Equals(key.TenantId, tenantId, StringComparison.Ordinal)
                    && (afterUserId is null || string.CompareOrdinal(key.UserId, afterUserId) > 0)
                    && (string.IsNullOrEmpty(contains) || key.UserId.Contains(contains, StringComparison.Ordinal)))
                {
                    page.Add(Summarize(key.UserId, data));
                }
            }
        }

        page.Sort(static (a, b) => string.CompareOrdinal(a.UserId, b.UserId));
        if (page.Count > limit)
        {
            page.RemoveRange(limit, page.Count - limit);
        }

        return Task.FromResult<IReadOnlyList<UserSummary>>(page);
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException"><paramref name="user"/> is not a valid key.</exception>
    public Task<UserSummary?> GetUserSummaryAsync(UserKey user, CancellationToken cancellationToken = default)
    {
        user.Validate();
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult(_users.TryGetValue(user, out var data) && data.Version > 0 ? Summarize(user.UserId, data) : null);
        }
    }

    private static UserSummary Summarize(string userId, UserData data)
    {
        int current = 0;
        foreach (Preference preference in data.Preferences)
        {
            if (preference.SupersededBy is null)
            {
                current++;
            }
        }

        return new UserSummary(userId, current, data.Preferences.Count, data.Events.Count, data.Events.Count > 0 ? data.Events[^1].At : null);
    }

    private Task<StoredModel?> GetModelCoreAsync((string, string, string) key, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult(_models.TryGetValue(key, out StoredModel? model) ? model with { Payload = model.Payload.ToArray() } : null);
        }
    }

    private Task<long> SaveModelCoreAsync((string, string, string Name) key, ReadOnlyMemory<byte> payload, long expectedVersion, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            long version = _models.TryGetValue(key, out StoredModel? model) ? model.Version : 0;
            if (version != expectedVersion)
            {
                throw new ConcurrencyException($"The model is at version {version}; the save expected version {expectedVersion}.");
            }

            _models[key] = new StoredModel(key.Name, version + 1, payload.ToArray());
            return Task.FromResult(version + 1);
        }
    }

    /// <summary>Copies every mutable part (lists, dictionaries, the embedding), as a durable store's round trip would.</summary>
    private static Preference Copy(Preference preference) => preference with
    {
        Sources = [.. preference.Sources],
        Scope = preference.Scope.IsScoped
            ? new PreferenceScope { Text = preference.Scope.Text, Tags = new Dictionary<string, string>(preference.Scope.Tags, StringComparer.Ordinal) }
            : PreferenceScope.Everywhere,
        Hints = preference.Hints with
        {
            RequestKinds = [.. preference.Hints.RequestKinds],
            InScopeExamples = [.. preference.Hints.InScopeExamples],
            NearScopeExamples = [.. preference.Hints.NearScopeExamples],
        },
        Embedding = preference.Embedding.ToArray(),
    };

    private async IAsyncEnumerable<PreferenceEvent> ReadEventsCoreAsync(UserKey user, long afterSequence, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        cancellationToken.ThrowIfCancellationRequested();
        PreferenceEvent[] snapshot;
        lock (_gate)
        {
            snapshot = _users.TryGetValue(user, out var data) ? [.. data.Events] : [];
        }

        foreach (var item in snapshot)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (item.Sequence > afterSequence)
            {
                yield return item;
            }
        }
    }

    private async IAsyncEnumerable<string> ListUsersCoreAsync(string tenantId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        cancellationToken.ThrowIfCancellationRequested();
        var users = new List<string>();
        lock (_gate)
        {
            foreach (var (key, data) in _users)
            {
                if (data.Version > 0 && string.Equals(key.TenantId, tenantId, StringComparison.Ordinal))
                {
                    users.Add(key.UserId);
                }
            }
        }

        users.Sort(StringComparer.Ordinal);
        foreach (string userId in users)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return userId;
        }
    }

    private sealed class UserData
    {
        public long Version { get; set; }

        public List<PreferenceEvent> Events { get; } = [];

        public Dictionary<string, int> EventIndex { get; } = new(StringComparer.Ordinal);

        public List<Preference> Preferences { get; } = [];
    }

    private void Enqueue(IReadOnlyList<WebhookDelivery> deliveries)
    {
        foreach (WebhookDelivery delivery in deliveries)
        {
            _outbox.TryAdd(delivery.Id, delivery);
        }
    }
}
