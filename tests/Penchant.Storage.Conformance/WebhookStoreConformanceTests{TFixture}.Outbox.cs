using Penchant.Domain;
using Penchant.Webhooks;

namespace Penchant.Storage.Conformance;

/// <summary>The transactional outbox: deliveries committed with the change (or user deletion) they report, or not at all.</summary>
public abstract partial class WebhookStoreConformanceTests<TFixture>
{
    private static readonly UserKey Alice = UserKey.Create("acme", "alice");

    /// <summary>A change's deliveries are in the outbox as soon as the change is committed, with no separate enqueue.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task Commit_WithDeliveries_AddsThemToTheOutboxInTheSameCommit()
    {
        (IPreferenceStore preferences, IWebhookStore webhooks) = await Fixture.CreateStoresSharingADatabaseAsync(Ct);
        try
        {
            await preferences.CommitAsync(Alice, Change(0, "ev_1", Delivery("whd_1", T0), Delivery("whd_2", T0.AddSeconds(1))), Ct);

            Assert.Equal(["whd_2", "whd_1"], (await webhooks.ListDeliveriesAsync("acme", "wh_1", 10, Ct)).Select(static d => d.Id));
            Assert.Equal(["whd_1", "whd_2"], (await webhooks.ClaimDueAsync(T0.AddMinutes(1), T0.AddMinutes(2), 10, Ct)).Select(static d => d.Id));
        }
        finally
        {
            await DisposeAsync(preferences);
        }
    }

    /// <summary>A change that fails (a stale version, an event identifier the log already holds) adds none of its deliveries; one already in the outbox is left as it is.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task Commit_ThatFails_AddsNoDelivery()
    {
        (IPreferenceStore preferences, IWebhookStore webhooks) = await Fixture.CreateStoresSharingADatabaseAsync(Ct);
        try
        {
            await preferences.CommitAsync(Alice, Change(0, "ev_1", Delivery("whd_1", T0)), Ct);

            await Assert.ThrowsAsync<ConcurrencyException>(() => preferences.CommitAsync(Alice, Change(0, "ev_2", Delivery("whd_stale", T0)), Ct));
            await Assert.ThrowsAsync<ArgumentException>(() => preferences.CommitAsync(Alice, Change(1, "ev_1", Delivery("whd_duplicate", T0)), Ct));
            await preferences.CommitAsync(Alice, Change(1, "ev_3", Delivery("whd_1", T0) with { Payload = "{\"changed\":true}" }), Ct);

            WebhookDelivery only = Assert.Single(await webhooks.ListDeliveriesAsync("acme", "wh_1", 10, Ct));
            Assert.Equal("whd_1", only.Id);
            Assert.Equal(Delivery("whd_1", T0).Payload, only.Payload);
            Assert.Equal(2, (await preferences.GetLogPositionAsync(Alice, Ct)).Version);
        }
        finally
        {
            await DisposeAsync(preferences);
        }
    }

    /// <summary>Deleting a user adds the deliveries that report it in the same transaction, and only when the user existed.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task DeleteUser_WithDeliveries_AddsThemOnlyWhenTheUserExisted()
    {
        (IPreferenceStore preferences, IWebhookStore webhooks) = await Fixture.CreateStoresSharingADatabaseAsync(Ct);
        try
        {
            await preferences.CommitAsync(Alice, Change(0, "ev_1"), Ct);

            Assert.False(await preferences.DeleteUserAsync(UserKey.Create("acme", "nobody"), [Delivery("whd_nobody", T0)], Ct));
            Assert.True(await preferences.DeleteUserAsync(Alice, [Delivery("whd_alice", T0)], Ct));

            Assert.Equal(["whd_alice"], (await webhooks.ListDeliveriesAsync("acme", "wh_1", 10, Ct)).Select(static d => d.Id));
            Assert.Equal(0, (await preferences.GetLogPositionAsync(Alice, Ct)).Version);
        }
        finally
        {
            await DisposeAsync(preferences);
        }
    }

    private static UserChange Change(long expectedVersion, string eventId, params WebhookDelivery[] deliveries) => new()
    {
        ExpectedVersion = expectedVersion,
        Append = [StoreTestData.Event(eventId)],
        Deliveries = deliveries,
    };

    private static async Task DisposeAsync(IPreferenceStore store)
    {
        if (store is IAsyncDisposable asyncDisposable)
        {
            await asyncDisposable.DisposeAsync();
        }
        else if (store is IDisposable disposable)
        {
            disposable.Dispose();
        }
    }
}
