using Microsoft.Extensions.DependencyInjection;
using Penchant.Domain;
using Penchant.Signals;
using Penchant.Storage;
using Penchant.Testing;
using Penchant.Webhooks;

namespace Penchant.Engine;

/// <summary>The engine hands each write's webhook deliveries to the store with the change, so they commit together.</summary>
public sealed class WebhookOutboxTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    private static readonly UserKey Alice = new("acme", "alice");
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Writes_WithAnOutbox_CommitTheirDeliveriesWithTheChange()
    {
        // Arrange
        var outbox = new RecordingOutbox();
        (IPenchant engine, InMemoryPreferenceStore store) = Create(outbox);

        // Act
        WriteResult vegetarian = await engine.RememberAsync(Alice, new Statement("I'm vegetarian."), Ct);
        WriteResult revised = await engine.RememberAsync(Alice, new Statement("I started eating fish again, so I'm pescatarian now."), Ct);
        Preference current = (await engine.ListAsync(Alice, Ct))[^1];
        await engine.ForgetAsync(Alice, current.Id, Ct);
        await engine.ForgetUserAsync(Alice, Ct);

        // Assert: what each write did, as the outbox was told, and every delivery in the store's outbox.
        Preference created = Assert.Single(vegetarian.Created);
        Assert.Equal(created.Id, Assert.Single(outbox.Notices[0].Created).Id);
        Assert.Equal(vegetarian.Events.Select(static e => e.Id), outbox.Notices[0].EventIds);
        Assert.Equal(revised.Created.Select(static p => p.Id), outbox.Notices[1].Created.Select(static p => p.Id));
        Assert.Equal(revised.Superseded.Select(static p => p.Id), outbox.Notices[1].Superseded.Select(static p => p.Id));
        Assert.Equal([current.Id], outbox.Notices[2].Forgotten);
        Assert.True(outbox.Notices[3].UserForgotten);
        Assert.Equal(
            outbox.Planned.Select(static d => d.Id).Order(StringComparer.Ordinal),
            store.Outbox.Select(static d => d.Id).Order(StringComparer.Ordinal));
        Assert.Contains(store.Outbox, d => d.EventType == WebhookEvents.UserForgotten);
    }

    [Fact]
    public async Task ReplayedWrite_EnqueuesNothingAgain()
    {
        // Arrange
        var outbox = new RecordingOutbox();
        (IPenchant engine, InMemoryPreferenceStore store) = Create(outbox);
        await engine.RecordAsync(Alice, [new Statement("I'm vegetarian.")], "request-1", Ct);

        // Act
        WriteResult replay = await engine.RecordAsync(Alice, [new Statement("I'm vegetarian.")], "request-1", Ct);

        // Assert
        Assert.True(replay.Replayed);
        Assert.Single(outbox.Notices);
        Assert.Single(store.Outbox);
    }

    private (IPenchant Engine, InMemoryPreferenceStore Store) Create(IWebhookOutbox outbox)
    {
        var store = new InMemoryPreferenceStore();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IPreferenceStore>(store);
        services.AddSingleton<Microsoft.Extensions.AI.IEmbeddingGenerator<string, Microsoft.Extensions.AI.Embedding<float>>>(fixture.Embeddings);
        services.AddSingleton(outbox);
        services.AddPenchant();
        return (services.BuildServiceProvider().GetRequiredService<IPenchant>(), store);
    }

    /// <summary>Plans one delivery per event it is told about, and keeps what it was told.</summary>
    private sealed class RecordingOutbox : IWebhookOutbox
    {
        public List<WebhookNotice> Notices { get; } = [];

        public List<WebhookDelivery> Planned { get; } = [];

        public Task<IReadOnlyList<WebhookDelivery>> PlanAsync(UserKey user, WebhookNotice notice, CancellationToken cancellationToken = default)
        {
            Notices.Add(notice);
            var events = new List<(string Type, string About)>();
            events.AddRange(notice.Created.Select(static p => (WebhookEvents.PreferenceCreated, p.Id)));
            events.AddRange(notice.Superseded.Select(static p => (WebhookEvents.PreferenceSuperseded, p.Id)));
            events.AddRange(notice.Forgotten.Select(static id => (WebhookEvents.PreferenceForgotten, id)));
            if (notice.UserForgotten)
            {
                events.Add((WebhookEvents.UserForgotten, user.UserId));
            }

            var deliveries = new List<WebhookDelivery>();
            foreach ((string type, string about) in events)
            {
                deliveries.Add(new WebhookDelivery($"whd_{type}_{about}", user.TenantId, "wh_1", type, "{}", DateTimeOffset.UnixEpoch));
            }

            Planned.AddRange(deliveries);
            return Task.FromResult<IReadOnlyList<WebhookDelivery>>(deliveries);
        }
    }
}
