using Npgsql;

namespace Penchant.PostgreSql;

/// <summary>
/// Holds one connection outside the pool that <c>LISTEN</c>s on a channel, hands each notification's payload to a
/// callback, and reconnects by itself when the connection is lost.
/// </summary>
/// <remarks>
/// <para>
/// What was heard can be trusted only while <see cref="IsListening"/> holds, and only for what was learnt in the current
/// <see cref="Epoch"/>: the epoch moves on whenever the connection is established or lost, because notifications sent
/// while nobody listened are never delivered. A cache keyed on the epoch therefore drops everything it learnt before a
/// disconnection without being told.
/// </para>
/// <para>Thread-safe. Started on first use (<see cref="EnsureStarted"/>); stopped when disposed.</para>
/// </remarks>
internal sealed class PostgreSqlListener(PostgreSqlDatabase database, string channel, Action<string> onNotification) : IAsyncDisposable, IDisposable
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan LastRetry = TimeSpan.FromSeconds(5);

    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;
    private int _started;
    private volatile bool _listening;
    private long _epoch;
    private int _processId;

    /// <summary>Gets a value indicating whether the connection is established and listening.</summary>
    public bool IsListening => _listening;

    /// <summary>Gets a number that changes whenever the connection is established or lost.</summary>
    public long Epoch => Interlocked.Read(ref _epoch);

    /// <summary>Gets the server process of the listening connection (0 when there is none), for tests that cut it.</summary>
    public int ProcessId => Volatile.Read(ref _processId);

    /// <summary>Starts listening in the background, once.</summary>
    public void EnsureStarted()
    {
        if (Interlocked.Exchange(ref _started, 1) == 0)
        {
            _loop = Task.Run(RunAsync, CancellationToken.None);
        }
    }

    /// <summary>Stops listening and closes the connection.</summary>
    /// <returns>A task that completes when the connection is closed.</returns>
    public async ValueTask DisposeAsync()
    {
        if (_stop.IsCancellationRequested)
        {
            return;
        }

        await _stop.CancelAsync().ConfigureAwait(false);

        // The loop is this listener's own background task; it ends once the token is cancelled.
#pragma warning disable VSTHRD003
        await _loop.ConfigureAwait(false);
#pragma warning restore VSTHRD003
    }

    /// <summary>Stops listening without waiting for the connection to close.</summary>
    public void Dispose()
    {
        if (!_stop.IsCancellationRequested)
        {
            _stop.Cancel();
        }
    }

    private async Task RunAsync()
    {
        TimeSpan retry = FirstRetry;
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                NpgsqlConnection connection = await database.OpenDedicatedAsync(_stop.Token).ConfigureAwait(false);
                await using (connection.ConfigureAwait(false))
                {
                    connection.Notification += (_, e) => onNotification(e.Payload);
                    using (NpgsqlCommand listen = new($"LISTEN \"{channel}\"", connection))
                    {
                        await listen.ExecuteNonQueryAsync(_stop.Token).ConfigureAwait(false);
                    }

                    // The epoch moves on before the flag is raised: a reader that saw the flag also sees the new epoch.
                    Interlocked.Increment(ref _epoch);
                    Volatile.Write(ref _processId, connection.ProcessID);
                    _listening = true;
                    retry = FirstRetry;
                    while (true)
                    {
                        await connection.WaitAsync(_stop.Token).ConfigureAwait(false);
                    }
                }
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                break;
            }
            catch (ObjectDisposedException)
            {
                // The database was disposed under the listener: nothing to listen to any more.
                break;
            }
            catch (Exception ex) when (ex is NpgsqlException or Penchant.Storage.StoreUnavailableException or PenchantException or IOException or TimeoutException or OperationCanceledException)
            {
                // The server is gone or the connection was cut: listen again after a pause that doubles up to five seconds.
            }
            finally
            {
                // The flag falls before the epoch moves on: a reader that saw the old epoch with the flag up cached
                // under an epoch that is now gone.
                _listening = false;
                Interlocked.Increment(ref _epoch);
                Volatile.Write(ref _processId, 0);
            }

            try
            {
                await Task.Delay(retry, _stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            retry = retry * 2 < LastRetry ? retry * 2 : LastRetry;
        }
    }
}
