using Penchant.Webhooks;

namespace Penchant.Storage.Conformance;

/// <summary>
/// The behaviour every <see cref="IWebhookStore"/> must show: webhooks scoped by tenant, an outbox whose enqueue is
/// idempotent by delivery identifier, claims that lease (one worker per delivery), and every attempt recorded.
/// </summary>
/// <typeparam name="TFixture">Creates the stores under test.</typeparam>
public abstract partial class WebhookStoreConformanceTests<TFixture> : IClassFixture<TFixture>
    where TFixture : class, IWebhookStoreFixture
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Initializes a new instance of the <see cref="WebhookStoreConformanceTests{TFixture}"/> class.</summary>
    /// <param name="fixture">Creates the stores under test.</param>
    protected WebhookStoreConformanceTests(TFixture fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        Fixture = fixture;
    }

    /// <summary>Gets the fixture.</summary>
    protected TFixture Fixture { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Webhooks round-trip, list oldest first, and are invisible and undeletable from another tenant.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task Webhooks_RoundTripAndStayInTheirTenant()
    {
        IWebhookStore store = await Fixture.CreateWebhookStoreAsync(Ct);
        var hook = new Webhook("acme", "wh_1", "https://example.com/a", ["preference.created", "user.forgotten"], "whsec_x", T0);
        await store.CreateAsync(hook, Ct);
        await store.CreateAsync(hook with { Id = "wh_2", CreatedAt = T0.AddSeconds(1) }, Ct);

        Webhook? read = await store.GetAsync("acme", "wh_1", Ct);
        Assert.NotNull(read);
        Assert.Equal((hook.TenantId, hook.Id, hook.Url, hook.Secret, hook.CreatedAt), (read.TenantId, read.Id, read.Url, read.Secret, read.CreatedAt));
        Assert.Equal(hook.Events, read.Events);
        Assert.Equal(["wh_1", "wh_2"], (await store.ListAsync("acme", Ct)).Select(static h => h.Id));

        Assert.Null(await store.GetAsync("other", "wh_1", Ct));
        Assert.Empty(await store.ListAsync("other", Ct));
        Assert.False(await store.DeleteAsync("other", "wh_1", Ct));

        Assert.True(await store.DeleteAsync("acme", "wh_1", Ct));
        Assert.False(await store.DeleteAsync("acme", "wh_1", Ct));
        Assert.Equal(["wh_2"], (await store.ListAsync("acme", Ct)).Select(static h => h.Id));
    }

    /// <summary>Enqueuing a delivery whose identifier is already in the outbox adds nothing and changes nothing.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task Enqueue_SameDeliveryTwice_IsOneDelivery()
    {
        IWebhookStore store = await Fixture.CreateWebhookStoreAsync(Ct);
        await store.CreateAsync(new Webhook("acme", "wh_1", "https://example.com/a", ["preference.created"], "s", T0), Ct);
        WebhookDelivery delivery = Delivery("whd_1", T0);

        Assert.Equal(1, await store.EnqueueAsync([delivery], Ct));
        Assert.Equal(0, await store.EnqueueAsync([delivery, delivery with { Payload = "{\"changed\":true}" }], Ct));

        WebhookDelivery listed = Assert.Single(await store.ListDeliveriesAsync("acme", "wh_1", 10, Ct));
        Assert.Equal(delivery.Payload, listed.Payload);
        Assert.Equal(WebhookDeliveryStatus.Pending, listed.Status);
        Assert.Equal(0, listed.Attempts);
    }

    /// <summary>A claim takes due deliveries oldest first and hides them until an attempt reschedules them or the lease ends.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task Claim_LeasesDueDeliveries_UntilAnAttemptIsRecordedOrTheLeaseEnds()
    {
        IWebhookStore store = await Fixture.CreateWebhookStoreAsync(Ct);
        await store.EnqueueAsync([Delivery("whd_1", T0), Delivery("whd_2", T0.AddSeconds(1)), Delivery("whd_3", T0.AddMinutes(5))], Ct);

        // Due at T0 + 2 s: the first two, oldest first; the third is not yet due
        IReadOnlyList<WebhookDelivery> claimed = await store.ClaimDueAsync(T0.AddSeconds(2), T0.AddSeconds(32), 10, Ct);
        Assert.Equal(["whd_1", "whd_2"], claimed.Select(static d => d.Id));

        // Leased: nobody claims them again before the lease ends
        Assert.Empty(await store.ClaimDueAsync(T0.AddSeconds(3), T0.AddSeconds(33), 10, Ct));

        // One succeeds, one fails and is due again at T0 + 10 s
        await store.RecordAttemptAsync(claimed[0], new WebhookAttempt(1, T0.AddSeconds(2), 200, null, 12.5), WebhookDeliveryStatus.Delivered, T0.AddSeconds(2), Ct);
        await store.RecordAttemptAsync(claimed[1], new WebhookAttempt(1, T0.AddSeconds(2), 503, "The receiver answered 503.", 7), WebhookDeliveryStatus.Pending, T0.AddSeconds(10), Ct);
        Assert.Empty(await store.ClaimDueAsync(T0.AddSeconds(9), T0.AddSeconds(39), 10, Ct));
        WebhookDelivery retried = Assert.Single(await store.ClaimDueAsync(T0.AddSeconds(10), T0.AddSeconds(40), 10, Ct));
        Assert.Equal("whd_2", retried.Id);
        Assert.Equal(1, retried.Attempts);

        // A worker that dies after claiming: the delivery is claimed again when the lease ends
        Assert.Empty(await store.ClaimDueAsync(T0.AddSeconds(39), T0.AddSeconds(69), 10, Ct));
        Assert.Equal("whd_2", Assert.Single(await store.ClaimDueAsync(T0.AddSeconds(40), T0.AddSeconds(70), 10, Ct)).Id);
    }

    /// <summary>Deliveries list newest first with every attempt in order, only in their tenant; another tenant cannot record attempts on them.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task ListDeliveries_NewestFirst_WithEveryAttempt_AndOnlyForTheTenant()
    {
        IWebhookStore store = await Fixture.CreateWebhookStoreAsync(Ct);
        await store.EnqueueAsync([Delivery("whd_1", T0), Delivery("whd_2", T0.AddSeconds(1))], Ct);
        WebhookDelivery first = (await store.ClaimDueAsync(T0.AddSeconds(5), T0.AddSeconds(35), 1, Ct))[0];
        await store.RecordAttemptAsync(first, new WebhookAttempt(1, T0.AddSeconds(5), null, "No answer within 10 s.", 10_000), WebhookDeliveryStatus.Pending, T0.AddSeconds(6), Ct);
        await store.RecordAttemptAsync(first, new WebhookAttempt(2, T0.AddSeconds(7), 200, null, 3), WebhookDeliveryStatus.Delivered, T0.AddSeconds(7), Ct);

        IReadOnlyList<WebhookDelivery> listed = await store.ListDeliveriesAsync("acme", "wh_1", 10, Ct);
        Assert.Equal(["whd_2", "whd_1"], listed.Select(static d => d.Id));
        WebhookDelivery done = listed[1];
        Assert.Equal(WebhookDeliveryStatus.Delivered, done.Status);
        Assert.Equal(2, done.Attempts);
        Assert.Equal([1, 2], done.History.Select(static a => a.Number));
        Assert.Equal((null, "No answer within 10 s."), (done.History[0].StatusCode, done.History[0].Error));
        Assert.Equal((200, (string?)null), (done.History[1].StatusCode, done.History[1].Error));
        Assert.Empty(listed[0].History);
        Assert.Single(await store.ListDeliveriesAsync("acme", "wh_1", 1, Ct));

        Assert.Empty(await store.ListDeliveriesAsync("other", "wh_1", 10, Ct));
        await store.RecordAttemptAsync(first with { TenantId = "other" }, new WebhookAttempt(3, T0.AddSeconds(9), 500, "x", 1), WebhookDeliveryStatus.Failed, T0, Ct);
        Assert.Equal(WebhookDeliveryStatus.Delivered, (await store.ListDeliveriesAsync("acme", "wh_1", 10, Ct))[1].Status);
    }

    /// <summary>Concurrent claims never hand the same delivery to two workers.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task Claim_ByTwoWorkersAtOnce_NeverHandsOutADeliveryTwice()
    {
        IWebhookStore store = await Fixture.CreateWebhookStoreAsync(Ct);
        await store.EnqueueAsync([.. Enumerable.Range(0, 40).Select(static i => Delivery($"whd_{i:D2}", T0.AddMilliseconds(i)))], Ct);

        Task<IReadOnlyList<WebhookDelivery>>[] claims = [.. Enumerable.Range(0, 4).Select(_ => Task.Run(() => store.ClaimDueAsync(T0.AddMinutes(1), T0.AddMinutes(2), 15, Ct), Ct))];
        IReadOnlyList<WebhookDelivery>[] results = await Task.WhenAll(claims);

        string[] ids = [.. results.SelectMany(static r => r).Select(static d => d.Id)];
        Assert.Equal(40, ids.Length);
        Assert.Equal(40, ids.Distinct(StringComparer.Ordinal).Count());
    }

    /// <summary>Deleting a webhook removes its deliveries from the outbox.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task DeleteWebhook_RemovesItsDeliveries()
    {
        IWebhookStore store = await Fixture.CreateWebhookStoreAsync(Ct);
        await store.CreateAsync(new Webhook("acme", "wh_1", "https://example.com/a", ["preference.created"], "s", T0), Ct);
        await store.EnqueueAsync([Delivery("whd_1", T0)], Ct);

        Assert.True(await store.DeleteAsync("acme", "wh_1", Ct));

        Assert.Empty(await store.ListDeliveriesAsync("acme", "wh_1", 10, Ct));
        Assert.Empty(await store.ClaimDueAsync(T0.AddHours(1), T0.AddHours(2), 10, Ct));
    }

    private static WebhookDelivery Delivery(string id, DateTimeOffset at) =>
        new(id, "acme", "wh_1", "preference.created", "{\"id\":\"" + id + "\"}", at) { NextAttemptAt = at };
}
