using System.Collections.Concurrent;
using Penchant.Domain;

namespace Penchant.Deciding;

/// <summary>
/// Each user's decision policy as last written, parsed, beside the exact bytes it was written as: a reader that finds the
/// same bytes in the store takes the parsed policy instead of parsing them again. The bytes are the key, so a policy
/// another process wrote, or one whose write was never committed, is never taken for the stored one.
/// </summary>
/// <remarks>
/// Thread-safe. A policy put here is shared and never changed again: the learner changes a copy
/// (<see cref="PolicyState.Clone"/>), the decider only reads it. Holds at most <see cref="MaxUsers"/> users; full, it starts over.
/// </remarks>
internal sealed class PolicyCache
{
    /// <summary>The number of users whose policy is kept.</summary>
    public const int MaxUsers = 10_000;

    private readonly ConcurrentDictionary<UserKey, Entry> _entries = new();

    /// <summary>Gets the parsed policy written as <paramref name="payload"/>, if it is the user's last one seen here.</summary>
    /// <returns>The shared policy (not to be changed), or <see langword="null"/>.</returns>
    public PolicyState? Find(UserKey user, ReadOnlySpan<byte> payload)
        => _entries.TryGetValue(user, out Entry? entry) && entry.Payload.Span.SequenceEqual(payload) ? entry.State : null;

    /// <summary>Remembers the policy written as <paramref name="payload"/>; the caller no longer changes <paramref name="state"/>.</summary>
    public void Put(UserKey user, ReadOnlyMemory<byte> payload, PolicyState state)
    {
        if (_entries.Count >= MaxUsers)
        {
            _entries.Clear();
        }

        _entries[user] = new Entry(payload, state);
    }

    private sealed record Entry(ReadOnlyMemory<byte> Payload, PolicyState State);
}
