using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Penchant.Domain;

namespace Penchant.Storage;

/// <summary>
/// Each user's state, cached in memory by log position: a read checks the cached copy against the store's position (one
/// cheap lookup) and reloads it when another engine — another process over the same store — moved the log on.
/// </summary>
/// <remarks>Thread-safe. Holds at most <see cref="PenchantOptions.StateCacheSize"/> users; full, it starts over.</remarks>
internal sealed class UserStateCache(IPreferenceStore store, IOptions<PenchantOptions> options)
{
    private readonly ConcurrentDictionary<UserKey, UserSnapshot> _snapshots = new();
    private readonly SemaphoreSlim _initLock = new(1, 1);
    private readonly PenchantOptions _options = options.Value;
    private volatile bool _initialized;

    /// <summary>Gets the store behind the cache.</summary>
    public IPreferenceStore Store => store;

    /// <summary>Creates or upgrades the store's schema once per engine.</summary>
    public async Task EnsureInitializedAsync(CancellationToken cancellationToken)
    {
        if (_initialized)
        {
            return;
        }

        await _initLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_initialized)
            {
                await store.InitializeAsync(cancellationToken).ConfigureAwait(false);
                _initialized = true;
            }
        }
        finally
        {
            _initLock.Release();
        }
    }

    /// <summary>Gets a user's current state: the cached copy while the store's log has not moved on, else a fresh read.</summary>
    public async Task<UserSnapshot> GetAsync(UserKey user, CancellationToken cancellationToken)
    {
        if (_snapshots.TryGetValue(user, out UserSnapshot? cached))
        {
            if (!_options.CheckCachedStateOnRead)
            {
                return cached;
            }

            LogPosition position = await store.GetLogPositionAsync(user, cancellationToken).ConfigureAwait(false);
            if (position == cached.State.Position)
            {
                return cached;
            }
        }

        return await ReloadAsync(user, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads a user's state from the store and caches it.</summary>
    public async Task<UserSnapshot> ReloadAsync(UserKey user, CancellationToken cancellationToken)
    {
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        UserState state = await store.GetStateAsync(user, cancellationToken).ConfigureAwait(false);
        var snapshot = new UserSnapshot(state);
        Put(user, snapshot);
        return snapshot;
    }

    /// <summary>Caches a state the engine just committed, so the next write plans from it without reading it back.</summary>
    public void Put(UserKey user, UserSnapshot snapshot)
    {
        // Counting takes every lock of the dictionary: only a user not yet cached can make it full.
        if (!_snapshots.ContainsKey(user) && _snapshots.Count >= _options.StateCacheSize)
        {
            _snapshots.Clear();
        }

        _snapshots[user] = snapshot;
    }

    /// <summary>Occurs when a user's cached state is forgotten (the user is deleted): a cache kept beside this one drops what it holds of the user.</summary>
    public event Action<UserKey>? Removed;

    /// <summary>Forgets a user's cached state.</summary>
    public void Remove(UserKey user)
    {
        _snapshots.TryRemove(user, out _);
        Removed?.Invoke(user);
    }
}
