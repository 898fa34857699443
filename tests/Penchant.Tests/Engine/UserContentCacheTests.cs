using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Penchant.Domain;
using Penchant.Embeddings;
using Penchant.Signals;
using Penchant.Storage;
using Penchant.Testing;

namespace Penchant.Engine;

public sealed class UserContentCacheTests
{
    private static readonly UserKey Alice = new("acme", "alice");
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ForgetUserAsync_ClearsTheMiniLmCache_SoNoVectorOfTheUsersTextsStays()
    {
        // Arrange: a generator of its own (the shared fixture's is used by tests running at the same time), filled by a
        // statement and a request.
        using var embeddings = new MiniLmEmbeddingGenerator();
        IPenchant engine = Create(embeddings, out _);
        await engine.RememberAsync(Alice, new Statement("Spare me anything with coriander in it."), Ct);
        await engine.SelectAsync(Alice, new RequestContext("Plan a lunch menu for Sunday"), Ct);
        Assert.True(embeddings.CachedCount > 0);

        // Act
        await engine.ForgetUserAsync(Alice, Ct);

        // Assert
        Assert.Equal(0, embeddings.CachedCount);
    }

    [Fact]
    public async Task ForgetAndExpiry_ClearRegisteredCaches_AndOtherWritesDoNot()
    {
        // Arrange
        using var embeddings = new MiniLmEmbeddingGenerator();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 8, 0, 0, 0, TimeSpan.Zero));
        IPenchant engine = Create(embeddings, out CountingCache counting, time);
        WriteResult kept = await engine.RememberAsync(Alice, new Statement("Spare me anything with coriander in it."), Ct);
        await engine.RememberAsync(Alice, new Statement("For this week only, I am off sugar.") { TimeToLive = TimeSpan.FromDays(1) }, Ct);
        Assert.Equal(0, counting.Clears);

        // Act and assert: forgetting one preference clears, as does removing an expired one.
        await engine.ForgetAsync(Alice, kept.Created[0].Id, Ct);
        Assert.Equal(1, counting.Clears);
        time.Advance(TimeSpan.FromDays(2));
        Assert.Equal(1, await engine.RemoveExpiredAsync(Ct));
        Assert.Equal(2, counting.Clears);
        Assert.Equal(0, await engine.RemoveExpiredAsync(Ct));
        Assert.Equal(2, counting.Clears);
    }

    private static IPenchant Create(MiniLmEmbeddingGenerator embeddings, out CountingCache counting, TimeProvider? time = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IPreferenceStore>(new InMemoryPreferenceStore());
        services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(embeddings);
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        counting = new CountingCache();
        services.AddSingleton<IUserContentCache>(counting);
        services.AddPenchant(_ => { });
        return services.BuildServiceProvider().GetRequiredService<IPenchant>();
    }

    private sealed class CountingCache : IUserContentCache
    {
        public int Clears { get; private set; }

        public void Clear() => Clears++;
    }
}
