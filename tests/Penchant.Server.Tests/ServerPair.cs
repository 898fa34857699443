using System.Net.Http.Headers;
using Microsoft.Data.Sqlite;
using Penchant.Storage;

namespace Penchant.Server;

/// <summary>
/// Two service hosts, A and B, on real Kestrel over one SQLite file, as two service processes over one database; a class
/// fixture (cached state checked on read, the default) or created by a test with the check off.
/// </summary>
public sealed class ServerPair : IAsyncDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("penchant-server-pair-").FullName;

    /// <summary>Initializes a new instance of the <see cref="ServerPair"/> class with the default options.</summary>
    public ServerPair()
        : this(checkCachedStateOnRead: true)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="ServerPair"/> class.</summary>
    /// <param name="checkCachedStateOnRead">Whether each host checks its cached user state against the store on read.</param>
    internal ServerPair(bool checkCachedStateOnRead)
    {
        string database = Path.Combine(_directory, "shared.db");
        A = new SharedDatabaseServerFactory(database, checkCachedStateOnRead);
        B = new SharedDatabaseServerFactory(database, checkCachedStateOnRead);
    }

    /// <summary>Gets host A.</summary>
    public SharedDatabaseServerFactory A { get; }

    /// <summary>Gets host B.</summary>
    public SharedDatabaseServerFactory B { get; }

    /// <summary>Starts both hosts, waits until both are ready and creates a key of <paramref name="tenant"/>; returns a client of each host that sends it.</summary>
    public async Task<(HttpClient A, HttpClient B)> CreateClientsAsync(string tenant, CancellationToken cancellationToken)
    {
        await Task.WhenAll(A.WaitUntilReadyAsync(cancellationToken), B.WaitUntilReadyAsync(cancellationToken));

        // The key is created through A's key store and authenticates on B too: both read the one file.
        await A.Keys.CreateTenantAsync(tenant, cancellationToken);
        CreatedApiKey key = await A.Keys.CreateKeyAsync(tenant, cancellationToken);
        HttpClient a = A.CreateClient();
        HttpClient b = B.CreateClient();
        a.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key.Key);
        b.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key.Key);
        return (a, b);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
