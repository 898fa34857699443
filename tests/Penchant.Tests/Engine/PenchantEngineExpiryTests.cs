using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Penchant.Domain;
using Penchant.Signals;
using Penchant.Storage;
using Penchant.Testing;

namespace Penchant.Engine;

/// <summary>Metadata carried from signals to preferences and filtered on, and expiry checked at query time and swept, on a fake clock.</summary>
public sealed class PenchantEngineExpiryTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    private static readonly UserKey Alice = new("acme", "alice");
    private static readonly UserKey Bob = new("other", "bob");
    private static readonly DateTimeOffset Start = new(2026, 5, 4, 9, 0, 0, TimeSpan.Zero);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RecordAsync_TimeToLive_StopsBeingSelectedAtOnceAndTheSweepForgetsIt()
    {
        // Arrange
        var (engine, time, _) = Create();
        WriteResult diet = await engine.RememberAsync(Alice, new Statement("I strictly avoid gluten.") { TimeToLive = TimeSpan.FromDays(7) }, Ct);
        await engine.RememberAsync(Alice, new Statement("Write my code samples in TypeScript."), Ct);
        Preference temporary = Assert.Single(diet.Created);
        Assert.Equal(Start.AddDays(7), temporary.ExpiresAt);
        var dinner = new RequestContext("Where should I eat dinner in Rome tonight?");
        Assert.Contains((await engine.SelectAsync(Alice, dinner, Ct)).Preferences, s => s.Preference.Id == temporary.Id);

        // Act: a second past the expiry, before any sweep.
        time.Advance(TimeSpan.FromDays(7) + TimeSpan.FromSeconds(1));

        // Assert
        Assert.DoesNotContain((await engine.SelectAsync(Alice, dinner, Ct)).Preferences, s => s.Preference.Id == temporary.Id);
        Assert.DoesNotContain(await engine.ListAsync(Alice, Ct), p => p.Id == temporary.Id);
        Assert.Single(await engine.ListAsync(Alice, Ct));
        Assert.Contains(await engine.HistoryAsync(Alice, Ct), p => p.Id == temporary.Id);

        Assert.Equal(1, await engine.RemoveExpiredAsync(Ct));

        Assert.DoesNotContain(await engine.HistoryAsync(Alice, Ct), p => p.Id == temporary.Id);
        PreferenceEvent source = Assert.Single(await engine.ExportAsync(Alice, Ct).ToListAsync(Ct), e => e.Id == diet.Events[0].Id);
        Assert.True(source.Redacted);
        Assert.Null(source.Text);
        Assert.Equal(0, await engine.RemoveExpiredAsync(Ct));

        // A replay of the redacted log cannot bring it back.
        Assert.DoesNotContain(await engine.RebuildAsync(Alice, Ct), p => p.Text.Contains("gluten", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RemoveExpiredAsync_ExpiredRevision_MakesTheRevisedPreferenceCurrentAgain()
    {
        var (engine, time, _) = Create();
        WriteResult vegetarian = await engine.RememberAsync(Alice, new Statement("I'm vegetarian."), Ct);
        WriteResult fish = await engine.RememberAsync(Alice, new Statement("I've started eating fish again.") { ExpiresAt = Start.AddDays(3) }, Ct);
        Assert.Equal(vegetarian.Created[0].Id, Assert.Single(fish.Superseded).Id);

        time.Advance(TimeSpan.FromDays(4));
        int removed = await engine.RemoveExpiredAsync(Ct);

        Assert.Equal(1, removed);
        Preference current = Assert.Single(await engine.ListAsync(Alice, Ct));
        Assert.Equal(vegetarian.Created[0].Id, current.Id);
        Assert.True(current.IsCurrent);
    }

    [Fact]
    public async Task RemoveExpiredAsync_SweepsEveryTenantAndLeavesUnexpiredAlone()
    {
        var (engine, time, _) = Create();
        await engine.RememberAsync(Alice, new Statement("I strictly avoid gluten.") { TimeToLive = TimeSpan.FromHours(1) }, Ct);
        await engine.RememberAsync(Bob, new Statement("Write my code samples in TypeScript.") { TimeToLive = TimeSpan.FromHours(2) }, Ct);
        await engine.RememberAsync(Bob, new Statement("When I fly I want an aisle seat.") { TimeToLive = TimeSpan.FromDays(2) }, Ct);

        time.Advance(TimeSpan.FromHours(3));

        Assert.Equal(2, await engine.RemoveExpiredAsync(Ct));
        Assert.Empty(await engine.HistoryAsync(Alice, Ct));
        Assert.Contains("aisle", Assert.Single(await engine.HistoryAsync(Bob, Ct)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordAsync_SaidAgainWithoutExpiry_MakesThePreferencePermanent()
    {
        var (engine, time, _) = Create();
        WriteResult first = await engine.RememberAsync(Alice, new Statement("I strictly avoid gluten.") { TimeToLive = TimeSpan.FromDays(1) }, Ct);
        WriteResult again = await engine.RememberAsync(Alice, new Statement("I strictly avoid gluten."), Ct);
        Assert.Equal(first.Created[0].Id, Assert.Single(again.Reinforced).Id);

        time.Advance(TimeSpan.FromDays(2));

        Preference kept = Assert.Single(await engine.ListAsync(Alice, Ct));
        Assert.Null(kept.ExpiresAt);
    }

    [Fact]
    public async Task RecordAsync_Metadata_IsCarriedToThePreferenceAndFiltersSelection()
    {
        var (engine, _, _) = Create();
        var mail = new Dictionary<string, string> { ["app"] = "mail", ["source"] = "settings" };
        WriteResult written = await engine.RememberAsync(Alice, new Statement("I strictly avoid gluten.") { Metadata = mail }, Ct);

        Preference created = Assert.Single(written.Created);
        Assert.Equal("mail", created.Metadata["app"]);
        Assert.Equal("settings", created.Metadata["source"]);
        Assert.Equal("mail", Assert.Single(await engine.ExportAsync(Alice, Ct).ToListAsync(Ct)).Metadata["app"]);
        var dinner = new RequestContext("Where should I eat dinner in Rome tonight?");
        Selection inMail = await engine.SelectAsync(Alice, dinner with { Filter = MetadataFilter.Of(new Dictionary<string, string> { ["app"] = "mail" }) }, Ct);
        Selection inCalendar = await engine.SelectAsync(Alice, dinner with { Filter = MetadataFilter.Of(new Dictionary<string, string> { ["app"] = "calendar" }) }, Ct);
        Assert.Contains(inMail.Preferences, s => s.Preference.Id == created.Id);
        Assert.DoesNotContain(inCalendar.Preferences, s => s.Preference.Id == created.Id);

        // A rebuild gives the same metadata: it is carried from the log, not kept beside it.
        Assert.Equal("settings", Assert.Single(await engine.RebuildAsync(Alice, Ct)).Metadata["source"]);
    }

    [Fact]
    public async Task RecordAsync_BadMetadataOrExpiry_ThrowsAndWritesNothing()
    {
        var (engine, _, _) = Create();
        var tooMany = Enumerable.Range(0, PreferenceMetadata.MaxKeys + 1).ToDictionary(static i => $"k{i}", static _ => "v");
        Signal[] bad =
        [
            new Statement("I strictly avoid gluten.") { Metadata = tooMany },
            new Statement("I strictly avoid gluten.") { Metadata = new Dictionary<string, string> { ["bad key"] = "v" } },
            new Statement("I strictly avoid gluten.") { Metadata = new Dictionary<string, string> { ["app"] = new string('x', PreferenceMetadata.MaxValueLength + 1) } },
            new Statement("I strictly avoid gluten.") { ExpiresAt = Start.AddDays(1), TimeToLive = TimeSpan.FromDays(1) },
            new Statement("I strictly avoid gluten.") { TimeToLive = TimeSpan.FromSeconds(-5) },
            new Statement("I strictly avoid gluten.") { ExpiresAt = Start.AddMinutes(-1) },
        ];

        foreach (Signal signal in bad)
        {
            ArgumentException error = await Assert.ThrowsAnyAsync<ArgumentException>(() => engine.RecordAsync(Alice, [signal], cancellationToken: Ct));
            Assert.Equal("signals", error.ParamName);
        }

        Assert.Empty(await engine.ExportAsync(Alice, Ct).ToListAsync(Ct));
    }

    [Fact]
    public async Task RecordAsync_SameKeyOtherMetadata_IsRefusedAsAnotherRequest()
    {
        var (engine, _, _) = Create();
        await engine.RecordAsync(Alice, [new Statement("I strictly avoid gluten.") { Metadata = new Dictionary<string, string> { ["app"] = "mail" } }], "key-1", Ct);

        WriteResult retry = await engine.RecordAsync(Alice, [new Statement("I strictly avoid gluten.") { Metadata = new Dictionary<string, string> { ["app"] = "mail" } }], "key-1", Ct);
        Assert.True(retry.Replayed);
        await Assert.ThrowsAsync<IdempotencyKeyReusedException>(
            () => engine.RecordAsync(Alice, [new Statement("I strictly avoid gluten.") { Metadata = new Dictionary<string, string> { ["app"] = "calendar" } }], "key-1", Ct));
    }

    private (IPenchant Engine, FakeTimeProvider Time, IPreferenceStore Store) Create()
    {
        var time = new FakeTimeProvider(Start);
        var store = new InMemoryPreferenceStore();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(time);
        services.AddSingleton<IPreferenceStore>(store);
        services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(fixture.Embeddings);
        services.AddPenchant();
        ServiceProvider provider = services.BuildServiceProvider();
        return (provider.GetRequiredService<IPenchant>(), time, store);
    }
}
