using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Penchant.Domain;
using Penchant.Signals;
using Penchant.Storage;

namespace Penchant.PostgreSql;

/// <summary>
/// Two engines over one PostgreSQL schema, each with its own cache and pool, as two service instances behind a load
/// balancer: reads see the other's acknowledged writes at once, and an idempotency key used on one is honoured on the other.
/// </summary>
/// <remarks>The embedding generator is the deterministic hashing one: what is tested is the store and the cache, not the model.</remarks>
public sealed class CrossInstanceTests(PostgreSqlStoreFixture fixture) : IClassFixture<PostgreSqlStoreFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Reads_AfterAnotherInstanceWrites_SeeTheWriteAtOnce()
    {
        // Arrange
        PostgreSqlStoreOptions options = await fixture.NewOptionsAsync(Ct);
        await using ServiceProvider first = PostgreSqlStoreFixture.CreateInstance(options);
        await using ServiceProvider second = PostgreSqlStoreFixture.CreateInstance(options);
        IPenchant a = first.GetRequiredService<IPenchant>();
        IPenchant b = second.GetRequiredService<IPenchant>();
        var user = new UserKey("acme", "ana");
        await a.RememberAsync(user, new Statement("I am vegetarian."), Ct);
        Assert.Single(await b.ListAsync(user, Ct));                         // b has now cached the user

        // Act: a writes, forgets, deletes and writes again; b reads after each.
        WriteResult written = await a.RememberAsync(user, new Statement("Always answer in metric units."), Ct);
        IReadOnlyList<Preference> afterWrite = await b.ListAsync(user, Ct);
        await a.ForgetAsync(user, written.Created[0].Id, Ct);
        IReadOnlyList<Preference> afterForget = await b.ListAsync(user, Ct);
        await a.ForgetUserAsync(user, Ct);
        IReadOnlyList<Preference> afterDelete = await b.ListAsync(user, Ct);
        await a.RememberAsync(user, new Statement("I listen to jazz a lot."), Ct);
        IReadOnlyList<Preference> afterRecreate = await b.ListAsync(user, Ct);

        // Assert
        Assert.Equal(2, afterWrite.Count);
        Assert.Single(afterForget);
        Assert.Empty(afterDelete);
        Assert.Equal("I listen to jazz a lot.", Assert.Single(afterRecreate).Text);
    }

    [Fact]
    public async Task RecordAsync_SameIdempotencyKeyOnTwoInstances_WritesOnce()
    {
        // Arrange
        PostgreSqlStoreOptions options = await fixture.NewOptionsAsync(Ct);
        await using ServiceProvider first = PostgreSqlStoreFixture.CreateInstance(options);
        await using ServiceProvider second = PostgreSqlStoreFixture.CreateInstance(options);
        IPenchant a = first.GetRequiredService<IPenchant>();
        IPenchant b = second.GetRequiredService<IPenchant>();
        var user = new UserKey("acme", "ben");

        // Act: a client retries its write against the other instance, as after a timeout behind a load balancer.
        WriteResult original = await a.RecordAsync(user, [new Statement("On planes I go for aisle seats.")], "retry-key-1", Ct);
        WriteResult retried = await b.RecordAsync(user, [new Statement("On planes I go for aisle seats.")], "retry-key-1", Ct);

        // Assert
        Assert.True(retried.Replayed);
        Assert.Equal(original.Events.Select(static e => e.Id), retried.Events.Select(static e => e.Id));
        int events = 0;
        await foreach (PreferenceEvent _ in a.ExportAsync(user, Ct))
        {
            events++;
        }

        Assert.Equal(1, events);
        await Assert.ThrowsAsync<IdempotencyKeyReusedException>(() => b.RecordAsync(user, [new Statement("On trains I go for window seats.")], "retry-key-1", Ct));
    }

    [Fact]
    public async Task Writes_FromTwoInstancesAtOnce_AreAllKept()
    {
        // Arrange
        PostgreSqlStoreOptions options = await fixture.NewOptionsAsync(Ct);
        await using ServiceProvider first = PostgreSqlStoreFixture.CreateInstance(options);
        await using ServiceProvider second = PostgreSqlStoreFixture.CreateInstance(options);
        IPenchant[] engines = [first.GetRequiredService<IPenchant>(), second.GetRequiredService<IPenchant>()];
        var user = new UserKey("acme", "cy");

        // Act: both instances write for one user at the same time, each planning from its own cache. An engine that loses
        // the race re-reads and retries a few times, then reports the conflict (the service's 409), which a client retries.
        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(
            async () =>
            {
                for (int attempt = 0; ; attempt++)
                {
                    try
                    {
                        await engines[i % 2].RememberAsync(user, new Statement($"Preference number {i} is about topic {i * 7}."), Ct);
                        return;
                    }
                    catch (ConcurrencyException) when (attempt < 20)
                    {
                    }
                }
            },
            Ct)));

        // Assert
        int events = 0;
        await foreach (PreferenceEvent _ in engines[0].ExportAsync(user, Ct))
        {
            events++;
        }

        Assert.Equal(20, events);
        Assert.Equal((await engines[0].ListAsync(user, Ct)).Select(static p => p.Id), (await engines[1].ListAsync(user, Ct)).Select(static p => p.Id));
    }
}
