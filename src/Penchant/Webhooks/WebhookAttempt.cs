namespace Penchant.Webhooks;

/// <summary>One attempt to deliver an event.</summary>
/// <param name="Number">The attempt's number, from 1.</param>
/// <param name="At">When it was made.</param>
/// <param name="StatusCode">The receiver's HTTP status, or <see langword="null"/> when no answer came (refused, timed out).</param>
/// <param name="Error">Why it failed, without the receiver's body; <see langword="null"/> on success.</param>
/// <param name="DurationMs">How long it took, in milliseconds.</param>
public sealed record WebhookAttempt(int Number, DateTimeOffset At, int? StatusCode, string? Error, double DurationMs)
{
    /// <summary>Gets a value indicating whether the receiver acknowledged the delivery (2xx).</summary>
    public bool Succeeded => StatusCode is >= 200 and < 300;
}
