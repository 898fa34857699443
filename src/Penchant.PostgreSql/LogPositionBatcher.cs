using Penchant.Domain;
using Penchant.Storage;

namespace Penchant.PostgreSql;

/// <summary>
/// Reads users' log positions for many concurrent callers in few round trips: callers that ask while a batch is in flight
/// wait together for the next one, which is sent as soon as the one in flight is answered.
/// </summary>
/// <remarks>
/// <para>
/// Read-your-writes holds because a caller only ever joins a batch that has not been sent yet: the statements of that batch
/// take their snapshots after the caller asked, so they see every commit acknowledged before it, whichever instance
/// committed it. A batch already in flight may have taken its snapshot before, so a newcomer never rides on it.
/// </para>
/// <para>
/// At most one batch is in flight. Under load a batch carries every user asked for during one round trip, so the database
/// work per read falls as the load rises; an idle caller waits one round trip, as without batching. A failure is
/// reported to every caller of the batch. Thread-safe.
/// </para>
/// </remarks>
internal sealed class LogPositionBatcher(Func<IReadOnlyList<UserKey>, CancellationToken, Task<LogPosition[]>> read, int maxBatch)
{
    private readonly Lock _lock = new();
    private Dictionary<UserKey, TaskCompletionSource<LogPosition>> _pending = [];
    private bool _inFlight;
    private long _batches;

    /// <summary>Gets the number of batches sent so far (a test counts the round trips with it).</summary>
    public long Batches => Interlocked.Read(ref _batches);

    /// <summary>Reads a user's log position in the next batch.</summary>
    public Task<LogPosition> ReadAsync(UserKey user, CancellationToken cancellationToken)
    {
        TaskCompletionSource<LogPosition>? waiter;
        bool send = false;
        lock (_lock)
        {
            if (!_pending.TryGetValue(user, out waiter))
            {
                waiter = new TaskCompletionSource<LogPosition>(TaskCreationOptions.RunContinuationsAsynchronously);
                _pending[user] = waiter;
            }

            if (!_inFlight)
            {
                _inFlight = true;
                send = true;
            }
        }

        if (send)
        {
            _ = Task.Run(SendAsync, CancellationToken.None);
        }

        return waiter.Task.WaitAsync(cancellationToken);
    }

    // Sends the pending batch, then the one that gathered meanwhile, until none is pending.
    private async Task SendAsync()
    {
        while (true)
        {
            Dictionary<UserKey, TaskCompletionSource<LogPosition>> batch;
            lock (_lock)
            {
                if (_pending.Count == 0)
                {
                    _inFlight = false;
                    return;
                }

                batch = _pending;
                _pending = [];
            }

            Interlocked.Increment(ref _batches);
            UserKey[] users = [.. batch.Keys];
            var parts = new List<Task>();
            for (int start = 0; start < users.Length; start += maxBatch)
            {
                parts.Add(ReadPartAsync(batch, users[start..Math.Min(users.Length, start + maxBatch)]));
            }

            await Task.WhenAll(parts).ConfigureAwait(false);
        }
    }

    private async Task ReadPartAsync(Dictionary<UserKey, TaskCompletionSource<LogPosition>> batch, UserKey[] part)
    {
        try
        {
            // Not cancellable by one caller: the others wait for the same answer.
            LogPosition[] positions = await read(part, CancellationToken.None).ConfigureAwait(false);
            for (int i = 0; i < part.Length; i++)
            {
                batch[part[i]].TrySetResult(positions[i]);
            }
        }
        catch (Exception ex)
        {
            foreach (UserKey user in part)
            {
                batch[user].TrySetException(ex);
            }
        }
    }
}
