namespace Penchant.Server;

/// <summary>The service's log messages (event IDs 4000–4999). None carries user content.</summary>
internal static partial class Log
{
    [LoggerMessage(4000, LogLevel.Information, "Penchant service storing preferences in {Database}")]
    public static partial void UsingDatabase(ILogger logger, string database);

    [LoggerMessage(4001, LogLevel.Debug, "Refused a request whose API key is malformed, unknown or revoked")]
    public static partial void KeyRejected(ILogger logger);

    [LoggerMessage(4002, LogLevel.Warning, "Tenant 'default' had no active API key: created bootstrap key {KeyId} (printed once on standard output)")]
    public static partial void BootstrapKeyCreated(ILogger logger, string keyId);

    [LoggerMessage(4003, LogLevel.Information, "Ready: store initialized and embedding model loaded in {Milliseconds:F0} ms")]
    public static partial void Ready(ILogger logger, double milliseconds);

    [LoggerMessage(4004, LogLevel.Information, "Exporting traces and metrics over OTLP to {Endpoint}")]
    public static partial void ExportingTelemetry(ILogger logger, string endpoint);

    [LoggerMessage(4005, LogLevel.Information, "Training job {JobId} started")]
    public static partial void TrainingStarted(ILogger logger, string jobId);

    [LoggerMessage(4006, LogLevel.Information, "Training job {JobId} succeeded: {Users} users, {Comparisons} comparisons, model version {ModelVersion}")]
    public static partial void TrainingSucceeded(ILogger logger, string jobId, int users, int comparisons, long modelVersion);

    [LoggerMessage(4007, LogLevel.Error, "Training job {JobId} failed")]
    public static partial void TrainingFailed(ILogger logger, Exception exception, string jobId);

    [LoggerMessage(4008, LogLevel.Warning, "Training job {JobId} cancelled: the service is stopping")]
    public static partial void TrainingCancelled(ILogger logger, string jobId);

    [LoggerMessage(4009, LogLevel.Warning, "The database is unavailable at start-up; retrying in {DelaySeconds} s")]
    public static partial void StoreUnavailableAtStart(ILogger logger, double delaySeconds, Exception exception);

    [LoggerMessage(4010, LogLevel.Warning, "The database is unavailable; answered 503 with Retry-After")]
    public static partial void StoreUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(4050, LogLevel.Information, "Expiry sweep forgot {Removed} expired preference(s)")]
    public static partial void SweptExpired(ILogger logger, int removed);

    [LoggerMessage(4051, LogLevel.Warning, "Expiry sweep failed; retrying at the next interval")]
    public static partial void SweepFailed(ILogger logger, Exception exception);
}
