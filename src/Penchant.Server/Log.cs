namespace Penchant.Server;

/// <summary>The service's log messages (event IDs 4000–4999).</summary>
internal static partial class Log
{
    [LoggerMessage(4000, LogLevel.Information, "Penchant service storing preferences in SQLite database {DatabasePath}")]
    public static partial void UsingDatabase(ILogger logger, string databasePath);
}
