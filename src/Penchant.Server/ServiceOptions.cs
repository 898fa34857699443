using System.ComponentModel.DataAnnotations;

namespace Penchant.Server;

/// <summary>Limits and safety settings of the HTTP service (configuration section <c>Penchant:Service</c>).</summary>
public sealed class ServiceOptions
{
    /// <summary>The configuration section bound to these options.</summary>
    public const string Section = "Penchant:Service";

    /// <summary>
    /// Gets or sets the user whose decision policy the Personalizer-compatible routes (<c>/personalizer/v1.0</c>) use in
    /// each tenant: Personalizer has one policy per resource and describes people only by features.
    /// </summary>
    /// <value>The default is <c>personalizer</c>.</value>
    [Required]
    [StringLength(200, MinimumLength = 1)]
    public string PersonalizerUserId { get; set; } = "personalizer";

    /// <summary>Gets or sets the largest request body accepted, in bytes; larger bodies are answered 413.</summary>
    /// <value>The default is 1 MiB.</value>
    [Range(1_024, 100 * 1024 * 1024)]
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Gets or sets the deepest JSON nesting accepted; deeper documents are answered 400.</summary>
    /// <value>The default is 16.</value>
    [Range(4, 256)]
    public int MaxJsonDepth { get; set; } = 16;

    /// <summary>Gets or sets the most conversation turns one request may carry.</summary>
    /// <value>The default is 500.</value>
    [Range(1, 100_000)]
    public int MaxTurnsPerRequest { get; set; } = 500;

    /// <summary>Gets or sets how long a request may run before it is cancelled and answered 504.</summary>
    /// <value>The default is 30 seconds.</value>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets how long shutdown waits for requests in flight to finish.</summary>
    /// <value>The default is 30 seconds.</value>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets the requests per second each API key may make on average (a token bucket).</summary>
    /// <value>The default is 2,000.</value>
    [Range(1, 1_000_000)]
    public int RateLimitPerSecond { get; set; } = 2_000;

    /// <summary>Gets or sets how many requests above the average one API key may burst.</summary>
    /// <value>The default is 4,000.</value>
    [Range(1, 1_000_000)]
    public int RateLimitBurst { get; set; } = 4_000;

    /// <summary>Gets or sets how many requests may wait for a rate-limit token before further ones are answered 429.</summary>
    /// <value>The default is 0: no queue.</value>
    [Range(0, 100_000)]
    public int RateLimitQueue { get; set; }

    /// <summary>
    /// Gets or sets how many training jobs may wait for the training worker (each tenant has at most one); further
    /// starts are answered 503 <c>training_queue_full</c>.
    /// </summary>
    /// <value>The default is 64.</value>
    [Range(1, 100_000)]
    public int TrainingQueueCapacity { get; set; } = 64;

    /// <summary>
    /// Gets or sets a value indicating whether the service creates a <c>default</c> tenant and prints one API key for it
    /// on start when no key exists yet (so that the first <c>dotnet run</c> yields a usable service).
    /// </summary>
    /// <value>The default is <see langword="true"/>.</value>
    public bool BootstrapKey { get; set; } = true;

    /// <summary>
    /// Gets or sets how often the service forgets expired preferences in the background; zero turns the sweep off (expired
    /// preferences are still never listed or selected).
    /// </summary>
    /// <value>The default is 1 minute.</value>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan ExpirySweepInterval { get; set; } = TimeSpan.FromMinutes(1);
}
