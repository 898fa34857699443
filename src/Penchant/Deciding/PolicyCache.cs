using System.Collections.Concurrent;
using Penchant.Domain;
using Penchant.Storage;

namespace Penchant.Deciding;

/// <summary>
/// Each user's decision policy, live in memory, beside the log position it reflects: the learner changes it in place as
/// entries are written, and the decider takes it only while the store's log is still at that position. A policy another
/// process changed, or one whose write failed, is never taken: its position no longer matches, and the policy is read
/// back from its snapshot and the log (<see cref="PolicyUpdater.LoadAsync"/>).
/// </summary>
/// <remarks>
/// Thread-safe. While a write is being learned the entry is marked as writing: the decider may read that policy (under
/// its lock) ahead of the commit; the learner alone changes it. When the write commits the entry takes the new
/// position; when it fails the entry is dropped. Holds at most <see cref="MaxUsers"/> users; full, it starts over. A
/// forgotten user's policy is dropped at once (<see cref="UserStateCache.Removed"/>): it holds the user's action sets and texts.
/// </remarks>
internal sealed class PolicyCache
{
    /// <summary>The number of users whose policy is kept.</summary>
    public const int MaxUsers = 10_000;

    private readonly ConcurrentDictionary<UserKey, Entry> _entries = new();

    /// <summary>Initializes a new instance of the <see cref="PolicyCache"/> class that drops a user's policy when the user is forgotten.</summary>
    /// <param name="states">The engine's state cache, which tells when a user is forgotten.</param>
    public PolicyCache(UserStateCache states) => states.Removed += Forget;

    /// <summary>Drops a user's policy (with the texts and action sets it keeps): the user was forgotten.</summary>
    public void Forget(UserKey user) => _entries.TryRemove(user, out _);

    /// <summary>Gets the user's policy if it reflects the log at <paramref name="position"/> (or a write of this process is being learned into it).</summary>
    /// <returns>The policy (read it under its lock, never change it), or <see langword="null"/>.</returns>
    public PolicyState? Find(UserKey user, LogPosition position)
        => _entries.TryGetValue(user, out Entry? entry) && (entry.Writing || entry.Position == position) ? entry.State : null;

    /// <summary>Remembers a policy read back at <paramref name="position"/>, unless a write is being learned meanwhile.</summary>
    public void Put(UserKey user, PolicyState state, LogPosition position)
    {
        var fresh = new Entry(state, position, Writing: false);
        if (_entries.TryGetValue(user, out Entry? current))
        {
            if (!current.Writing)
            {
                _entries.TryUpdate(user, fresh, current);
            }

            return;
        }

        MakeRoom();
        _entries.TryAdd(user, fresh);
    }

    /// <summary>Takes the user's policy for a write planned at <paramref name="position"/>, marking it as writing; <see langword="null"/> when it is not at that position.</summary>
    public PolicyState? TakeForWrite(UserKey user, LogPosition position)
    {
        if (_entries.TryGetValue(user, out Entry? entry) && !entry.Writing && entry.Position == position
            && _entries.TryUpdate(user, entry with { Writing = true }, entry))
        {
            return entry.State;
        }

        return null;
    }

    /// <summary>Marks a policy read back (or started afresh) for a write as the user's policy being written.</summary>
    public void BeginWrite(UserKey user, PolicyState state)
    {
        if (!_entries.ContainsKey(user))
        {
            MakeRoom();
        }

        _entries[user] = new Entry(state, default, Writing: true);
    }

    /// <summary>Ends a write: the policy reflects <paramref name="position"/> when it committed; it is dropped when it did not (<see langword="null"/>).</summary>
    public void EndWrite(UserKey user, PolicyState state, LogPosition? position)
    {
        if (!_entries.TryGetValue(user, out Entry? entry) || !ReferenceEquals(entry.State, state))
        {
            return;
        }

        if (position is { } committed)
        {
            _entries.TryUpdate(user, new Entry(state, committed, Writing: false), entry);
        }
        else
        {
            _entries.TryRemove(new KeyValuePair<UserKey, Entry>(user, entry));
        }
    }

    private void MakeRoom()
    {
        if (_entries.Count >= MaxUsers)
        {
            _entries.Clear();
        }
    }

    private sealed record Entry(PolicyState State, LogPosition Position, bool Writing);
}
