using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Penchant.Domain;
using Penchant.Signals;
using Penchant.Testing;

namespace Penchant.Sqlite;

/// <summary>
/// Two engines over one SQLite file, each with its own cache and connections, as two service processes have: a write
/// acknowledged by one is visible to the other's next read, even after the other cached that user.
/// </summary>
public sealed class CrossProcessTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("penchant-xproc-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Reads_AfterAnotherEngineWrites_SeeTheWriteAtOnce()
    {
        // Arrange
        string path = Path.Combine(_directory, "shared.db");
        await using ServiceProvider first = Create(path);
        await using ServiceProvider second = Create(path);
        IPenchant a = first.GetRequiredService<IPenchant>();
        IPenchant b = second.GetRequiredService<IPenchant>();
        var user = new UserKey("acme", "ana");
        await a.RememberAsync(user, new Statement("I am vegetarian."), Ct);
        Assert.Single(await b.ListAsync(user, Ct));                         // b has now cached the user

        // Act: a writes again, then forgets; b reads after each.
        WriteResult written = await a.RememberAsync(user, new Statement("Always answer in metric units."), Ct);
        IReadOnlyList<Preference> afterWrite = await b.ListAsync(user, Ct);
        await a.ForgetAsync(user, written.Created[0].Id, Ct);
        IReadOnlyList<Preference> afterForget = await b.ListAsync(user, Ct);
        await a.ForgetUserAsync(user, Ct);
        IReadOnlyList<Preference> afterDelete = await b.ListAsync(user, Ct);
        await a.RememberAsync(user, new Statement("I like jazz."), Ct);
        IReadOnlyList<Preference> afterRecreate = await b.ListAsync(user, Ct);

        // Assert
        Assert.Equal(2, afterWrite.Count);
        Assert.Single(afterForget);
        Assert.Empty(afterDelete);
        Assert.Equal("I like jazz.", Assert.Single(afterRecreate).Text);
    }

    [Fact]
    public async Task Writes_FromTwoEnginesInTurn_AreAllKept()
    {
        // Arrange
        string path = Path.Combine(_directory, "shared.db");
        await using ServiceProvider first = Create(path);
        await using ServiceProvider second = Create(path);
        IPenchant[] engines = [first.GetRequiredService<IPenchant>(), second.GetRequiredService<IPenchant>()];
        var user = new UserKey("acme", "ben");

        // Act: alternate writers, each planning from its own (possibly stale) cache.
        for (int i = 0; i < 10; i++)
        {
            await engines[i % 2].RememberAsync(user, new Statement($"Preference number {i} is about topic {i * 7}."), Ct);
        }

        // Assert
        int events = 0;
        await foreach (PreferenceEvent _ in engines[0].ExportAsync(user, Ct))
        {
            events++;
        }

        Assert.Equal(10, events);
        Assert.Equal((await engines[0].ListAsync(user, Ct)).Select(static p => p.Id), (await engines[1].ListAsync(user, Ct)).Select(static p => p.Id));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private static ServiceProvider Create(string path)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(new HashingEmbeddingGenerator());
        services.AddPenchant().UseSqlite(path);
        return services.BuildServiceProvider();
    }
}
