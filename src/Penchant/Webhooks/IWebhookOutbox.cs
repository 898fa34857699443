using Penchant.Domain;

namespace Penchant.Webhooks;

/// <summary>
/// Turns what a write is about to change into webhook deliveries, which the engine hands to the store with the change so
/// that they are committed in the same transaction: a write is never durable without its events, and an event is never
/// in the outbox for a write that failed.
/// </summary>
/// <remarks>
/// Called while the user's write is being committed (after the change is computed, before the store commits it), so it
/// must be quick and must not write anything itself; it may be called again for the same write when the commit is retried.
/// Implementations are thread-safe. Optional: an engine without one enqueues nothing.
/// </remarks>
public interface IWebhookOutbox
{
    /// <summary>Gets the deliveries for a change.</summary>
    /// <param name="user">The user the change is for.</param>
    /// <param name="notice">What the change does that webhooks may be told about.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The deliveries, one per subscribed webhook and event; empty when no webhook wants any.</returns>
    Task<IReadOnlyList<WebhookDelivery>> PlanAsync(UserKey user, WebhookNotice notice, CancellationToken cancellationToken = default);
}
