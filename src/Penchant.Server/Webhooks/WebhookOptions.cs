using System.ComponentModel.DataAnnotations;

namespace Penchant.Server.Webhooks;

/// <summary>How webhooks are delivered (configuration section <c>Penchant:Webhooks</c>).</summary>
public sealed class WebhookOptions
{
    /// <summary>The configuration section bound to these options.</summary>
    public const string Section = "Penchant:Webhooks";

    /// <summary>Gets or sets the delay before the second attempt; each further attempt waits twice as long (with jitter), up to <see cref="MaxDelay"/>.</summary>
    /// <value>The default is 2 seconds.</value>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Gets or sets the longest wait between two attempts.</summary>
    /// <value>The default is 1 hour.</value>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Gets or sets the most attempts per delivery; after the last failed one the delivery is marked failed.</summary>
    /// <value>The default is 15 (about a day of retries with the default delays).</value>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 15;

    /// <summary>Gets or sets how long one attempt may take before it counts as failed.</summary>
    /// <value>The default is 10 seconds.</value>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets or sets how often the outbox is polled for due deliveries when no write woke the delivery service.</summary>
    /// <value>The default is 1 second.</value>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets how many deliveries one instance claims and sends at once.</summary>
    /// <value>The default is 16.</value>
    [Range(1, 1_000)]
    public int BatchSize { get; set; } = 16;

    /// <summary>Gets or sets the most webhooks one tenant may register.</summary>
    /// <value>The default is 20.</value>
    [Range(1, 1_000)]
    public int MaxPerTenant { get; set; } = 20;

    /// <summary>Gets or sets a value indicating whether the delivery service runs in this instance (turn it off in instances that should only serve requests).</summary>
    /// <value>The default is <see langword="true"/>.</value>
    public bool Deliver { get; set; } = true;
}
