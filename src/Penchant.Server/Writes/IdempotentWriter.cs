using System.Security.Cryptography;
using System.Text;
using Penchant.Domain;
using Penchant.Signals;

namespace Penchant.Server.Writes;

/// <summary>
/// Applies a write that carries an <c>Idempotency-Key</c> at most once, even across a crash of the service.
/// </summary>
/// <remarks>
/// <para>
/// The key deterministically names the event(s) the write appends (<c>ev_i{hash}</c>, one per turn), and the events
/// are appended through <see cref="IPenchant.ImportAsync"/> in the same transaction as everything they change. A retry
/// finds its events already in the user's log and answers with them instead of writing again (the created,
/// reinforced and superseded lists of a replay are empty). The key is scoped to the tenant, the user and the
/// operation; reusing it with a different body is refused.
/// </para>
/// <para>Thread-safe: writes with keys are serialized per user in this process, and the store's unique event
/// identifiers stop a second process from applying the same key twice.</para>
/// </remarks>
internal sealed class IdempotentWriter(IPenchant engine, TimeProvider time)
{
    /// <summary>The request header that carries the key.</summary>
    public const string Header = "Idempotency-Key";

    /// <summary>The response header set on a replayed write.</summary>
    public const string ReplayedHeader = "Idempotent-Replayed";

    /// <summary>The longest key accepted.</summary>
    public const int MaxKeyLength = 200;

    private const int Stripes = 64;
    private readonly SemaphoreSlim[] _locks = CreateLocks();

    /// <summary>Validates a key: 1 to 200 printable ASCII characters.</summary>
    /// <param name="key">The key.</param>
    /// <exception cref="IdempotencyKeyException">The key is empty, too long or not printable ASCII.</exception>
    public static void Validate(string key)
    {
        if (key.Length is 0 or > MaxKeyLength)
        {
            throw new IdempotencyKeyException($"An {Header} must be 1 to {MaxKeyLength} characters long.");
        }

        foreach (char c in key)
        {
            if (c is < '!' or > '~')
            {
                throw new IdempotencyKeyException($"An {Header} may contain only printable ASCII characters.");
            }
        }
    }

    /// <summary>Derives the identifier of the <paramref name="index"/>-th event a keyed write appends.</summary>
    /// <param name="operation">The operation (<c>remember</c>, <c>observe</c>).</param>
    /// <param name="key">The idempotency key.</param>
    /// <param name="index">The event's position in the write.</param>
    /// <returns>The event identifier.</returns>
    public static string EventId(string operation, string key, int index)
    {
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes($"penchant-idempotency\0{operation}\0{key}"));
        return $"ev_i{Convert.ToHexStringLower(hash.AsSpan(0, 16))}_{index}";
    }

    /// <summary>Remembers a statement once per key.</summary>
    public Task<(WriteResult Result, bool Replayed)> RememberAsync(UserKey user, string key, Statement statement, CancellationToken cancellationToken)
    {
        var ev = new PreferenceEvent
        {
            Id = EventId("remember", key, 0),
            Kind = EventKind.Statement,
            Text = statement.Text.Trim(),
            Scope = statement.Scope?.Trim(),
            At = statement.At ?? time.GetUtcNow(),
        };
        return WriteOnceAsync(user, [ev], cancellationToken);
    }

    /// <summary>Observes conversation turns once per key.</summary>
    public Task<(WriteResult Result, bool Replayed)> ObserveAsync(UserKey user, string key, IReadOnlyList<ConversationTurn> turns, CancellationToken cancellationToken)
    {
        DateTimeOffset now = time.GetUtcNow();
        var events = new PreferenceEvent[turns.Count];
        for (int i = 0; i < events.Length; i++)
        {
            events[i] = new PreferenceEvent
            {
                Id = EventId("observe", key, i),
                Kind = EventKind.Turn,
                Role = turns[i].Role.ToLowerInvariant(),
                Text = turns[i].Content,
                At = turns[i].At ?? now,
            };
        }

        return WriteOnceAsync(user, events, cancellationToken);
    }

    private static SemaphoreSlim[] CreateLocks()
    {
        var locks = new SemaphoreSlim[Stripes];
        for (int i = 0; i < locks.Length; i++)
        {
            locks[i] = new SemaphoreSlim(1, 1);
        }

        return locks;
    }

    private async Task<(WriteResult Result, bool Replayed)> WriteOnceAsync(UserKey user, PreferenceEvent[] events, CancellationToken cancellationToken)
    {
        SemaphoreSlim gate = _locks[(user.GetHashCode() & int.MaxValue) % Stripes];
        await gate.WaitAsync(cancellationToken);
        try
        {
            var wanted = new Dictionary<string, PreferenceEvent>(StringComparer.Ordinal);
            foreach (PreferenceEvent ev in events)
            {
                wanted[ev.Id] = ev;
            }

            var existing = new List<PreferenceEvent>();
            await foreach (PreferenceEvent stored in engine.ExportAsync(user, cancellationToken))
            {
                if (wanted.TryGetValue(stored.Id, out PreferenceEvent? asked))
                {
                    if (!stored.Redacted && (stored.Text != asked.Text || stored.Role != asked.Role))
                    {
                        throw new IdempotencyKeyException($"This {Header} was already used for a different request.") { IsReuse = true };
                    }

                    existing.Add(stored);
                }
            }

            if (existing.Count > 0)
            {
                return (new WriteResult(existing, [], [], []), true);
            }

            return (await engine.ImportAsync(user, events, cancellationToken), false);
        }
        finally
        {
            gate.Release();
        }
    }
}
