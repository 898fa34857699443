namespace Penchant.Webhooks;

/// <summary>
/// Durable storage of a tenant's webhooks and their outbox: the deliveries still to make and every attempt made. Every
/// read and change is scoped by tenant; a store never returns another tenant's webhooks or deliveries.
/// </summary>
/// <remarks>
/// Implementations are safe for concurrent use, including by several processes over one database: a due delivery is
/// claimed by one worker at a time (<see cref="ClaimDueAsync"/> leases it). Every store passes the webhook part of the
/// conformance suite in <c>tests/Penchant.Storage.Conformance</c>.
/// </remarks>
public interface IWebhookStore
{
    /// <summary>Creates the webhook tables if missing; idempotent.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the store is ready.</returns>
    Task InitializeAsync(CancellationToken cancellationToken = default);

    /// <summary>Saves a new webhook.</summary>
    /// <param name="webhook">The webhook.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when it is durable.</returns>
    Task CreateAsync(Webhook webhook, CancellationToken cancellationToken = default);

    /// <summary>Lists a tenant's webhooks, oldest first.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The webhooks.</returns>
    Task<IReadOnlyList<Webhook>> ListAsync(string tenantId, CancellationToken cancellationToken = default);

    /// <summary>Reads one of a tenant's webhooks.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="webhookId">The webhook.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The webhook, or <see langword="null"/> when the tenant has none with this identifier.</returns>
    Task<Webhook?> GetAsync(string tenantId, string webhookId, CancellationToken cancellationToken = default);

    /// <summary>Deletes one of a tenant's webhooks with its deliveries and attempts.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="webhookId">The webhook.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see langword="true"/> if it existed.</returns>
    Task<bool> DeleteAsync(string tenantId, string webhookId, CancellationToken cancellationToken = default);

    /// <summary>Adds deliveries to the outbox, due at once; a delivery whose identifier is already there is left as it is.</summary>
    /// <param name="deliveries">The deliveries.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>How many were added.</returns>
    Task<int> EnqueueAsync(IReadOnlyList<WebhookDelivery> deliveries, CancellationToken cancellationToken = default);

    /// <summary>
    /// Claims up to <paramref name="max"/> pending deliveries due at <paramref name="now"/>, oldest first, by moving their
    /// due time to <paramref name="leaseUntil"/>: another worker does not see them until then, and a worker that dies
    /// while delivering leaves them to be claimed again (at-least-once).
    /// </summary>
    /// <param name="now">The current time.</param>
    /// <param name="leaseUntil">When a claimed delivery becomes due again if no attempt is recorded.</param>
    /// <param name="max">The most deliveries to claim.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The claimed deliveries.</returns>
    Task<IReadOnlyList<WebhookDelivery>> ClaimDueAsync(DateTimeOffset now, DateTimeOffset leaseUntil, int max, CancellationToken cancellationToken = default);

    /// <summary>Records an attempt and where the delivery stands after it.</summary>
    /// <param name="delivery">The delivery (its identifier and tenant).</param>
    /// <param name="attempt">The attempt.</param>
    /// <param name="status">The delivery's status after it.</param>
    /// <param name="nextAttemptAt">When the next attempt is due, while pending.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when it is durable.</returns>
    Task RecordAttemptAsync(WebhookDelivery delivery, WebhookAttempt attempt, WebhookDeliveryStatus status, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken = default);

    /// <summary>Lists a webhook's deliveries, newest first, each with its attempts.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="webhookId">The webhook.</param>
    /// <param name="limit">The most deliveries to return.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The deliveries; empty for a webhook the tenant does not have.</returns>
    Task<IReadOnlyList<WebhookDelivery>> ListDeliveriesAsync(string tenantId, string webhookId, int limit, CancellationToken cancellationToken = default);
}
