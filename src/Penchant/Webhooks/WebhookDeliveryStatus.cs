namespace Penchant.Webhooks;

/// <summary>Where a delivery stands.</summary>
public enum WebhookDeliveryStatus
{
    /// <summary>Not yet acknowledged by the receiver; attempted again when due.</summary>
    Pending,

    /// <summary>The receiver answered 2xx.</summary>
    Delivered,

    /// <summary>Every attempt failed; no more are made.</summary>
    Failed,
}
