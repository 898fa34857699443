namespace Penchant.Server.Contracts;

/// <summary>A webhook to register.</summary>
/// <param name="Url">The absolute http or https URL deliveries are posted to.</param>
/// <param name="Events">The event types to deliver: <c>preference.created</c>, <c>preference.superseded</c>, <c>preference.forgotten</c>, <c>user.forgotten</c>.</param>
public sealed record CreateWebhookRequest(string? Url, IReadOnlyList<string>? Events);

/// <summary>A registered webhook.</summary>
/// <param name="Id">The webhook's identifier.</param>
/// <param name="Url">The URL deliveries are posted to.</param>
/// <param name="Events">The event types delivered.</param>
/// <param name="CreatedAt">When it was registered.</param>
/// <param name="Secret">The signing secret: in the answer to the registration only, never again.</param>
public sealed record WebhookResponse(string Id, string Url, IReadOnlyList<string> Events, DateTimeOffset CreatedAt, string? Secret);

/// <summary>One delivery of an event to a webhook, with every attempt.</summary>
/// <param name="Id">The delivery's identifier (the <c>Penchant-Delivery</c> header).</param>
/// <param name="EventType">The event type.</param>
/// <param name="Status">Where it stands: <c>pending</c>, <c>delivered</c> or <c>failed</c>.</param>
/// <param name="Attempts">The attempts made, oldest first.</param>
/// <param name="CreatedAt">When the event was put in the outbox.</param>
/// <param name="NextAttemptAt">When the next attempt is due; absent unless pending.</param>
public sealed record WebhookDeliveryContract(string Id, string EventType, string Status, IReadOnlyList<WebhookAttemptContract> Attempts, DateTimeOffset CreatedAt, DateTimeOffset? NextAttemptAt);

/// <summary>One attempt to deliver an event.</summary>
/// <param name="Number">The attempt's number, from 1.</param>
/// <param name="At">When it was made.</param>
/// <param name="StatusCode">The receiver's HTTP status; absent when no answer came.</param>
/// <param name="Error">Why it failed; absent on success.</param>
/// <param name="DurationMs">How long it took, in milliseconds.</param>
public sealed record WebhookAttemptContract(int Number, DateTimeOffset At, int? StatusCode, string? Error, double DurationMs);
