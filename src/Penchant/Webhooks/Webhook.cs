namespace Penchant.Webhooks;

/// <summary>A tenant's registration of a URL that receives signed notifications of events (<see cref="WebhookEvents"/>).</summary>
/// <param name="TenantId">The tenant.</param>
/// <param name="Id">The webhook's identifier (<c>wh_</c> and 24 hexadecimal digits).</param>
/// <param name="Url">The absolute http or https URL deliveries are posted to.</param>
/// <param name="Events">The event types delivered, a subset of <see cref="WebhookEvents.All"/>.</param>
/// <param name="Secret">The key deliveries are signed with (HMAC-SHA256); shown to the tenant once, when the webhook is created.</param>
/// <param name="CreatedAt">When it was registered.</param>
public sealed record Webhook(string TenantId, string Id, string Url, IReadOnlyList<string> Events, string Secret, DateTimeOffset CreatedAt);
