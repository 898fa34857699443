namespace Penchant.Webhooks;

/// <summary>One event to deliver to one webhook (a row of the outbox), with where its delivery stands.</summary>
/// <param name="Id">The delivery's identifier, derived from the webhook, the event type and the event, so enqueuing the same event twice is one delivery.</param>
/// <param name="TenantId">The tenant.</param>
/// <param name="WebhookId">The webhook.</param>
/// <param name="EventType">The event type (<see cref="WebhookEvents"/>).</param>
/// <param name="Payload">The JSON body posted (identifiers only, no user content).</param>
/// <param name="CreatedAt">When it was enqueued.</param>
public sealed record WebhookDelivery(string Id, string TenantId, string WebhookId, string EventType, string Payload, DateTimeOffset CreatedAt)
{
    /// <summary>Gets where the delivery stands.</summary>
    public WebhookDeliveryStatus Status { get; init; } = WebhookDeliveryStatus.Pending;

    /// <summary>Gets the number of attempts made.</summary>
    public int Attempts { get; init; }

    /// <summary>Gets when the next attempt is due (while pending).</summary>
    public DateTimeOffset NextAttemptAt { get; init; }

    /// <summary>Gets the attempts made, oldest first (filled by <see cref="IWebhookStore.ListDeliveriesAsync"/>).</summary>
    public IReadOnlyList<WebhookAttempt> History { get; init; } = [];
}
