using Microsoft.Extensions.Logging;

namespace Penchant.Diagnostics;

/// <summary>Source-generated log messages of the core library (event ids 1000–1999). User content only at Trace.</summary>
internal static partial class Log
{
    [LoggerMessage(1000, LogLevel.Debug, "Recorded {EventCount} event(s) for a user: {Created} created, {Reinforced} reinforced, {Superseded} superseded.")]
    public static partial void Wrote(ILogger logger, int eventCount, int created, int reinforced, int superseded);

    [LoggerMessage(1001, LogLevel.Trace, "Preference {PreferenceId} from text: {Text}")]
    public static partial void PreferenceText(ILogger logger, string preferenceId, string text);

    [LoggerMessage(1002, LogLevel.Debug, "Selected {Selected} of {Candidates} preference(s) in {ElapsedMs:0.000} ms.")]
    public static partial void Selected(ILogger logger, int selected, int candidates, double elapsedMs);

    [LoggerMessage(1003, LogLevel.Information, "Forgot preference {PreferenceId} and redacted {Redacted} source event(s).")]
    public static partial void Forgot(ILogger logger, string preferenceId, int redacted);

    [LoggerMessage(1004, LogLevel.Information, "Deleted a user's data (existed: {Existed}).")]
    public static partial void ForgotUser(ILogger logger, bool existed);

    [LoggerMessage(1005, LogLevel.Warning, "A concurrent write changed the user's log; retrying (attempt {Attempt}).")]
    public static partial void WriteConflict(ILogger logger, int attempt);

    [LoggerMessage(1006, LogLevel.Information, "Rebuilt a user's preferences from {EventCount} event(s).")]
    public static partial void Rebuilt(ILogger logger, int eventCount);

    [LoggerMessage(1050, LogLevel.Information, "Forgot {Removed} expired preference(s) of {Users} user(s).")]
    public static partial void Expired(ILogger logger, int removed, int users);
}
