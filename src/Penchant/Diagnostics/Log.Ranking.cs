using Microsoft.Extensions.Logging;

namespace Penchant.Diagnostics;

/// <content>Ranking messages (event ids 1100–1149).</content>
internal static partial class Log
{
    [LoggerMessage(1100, LogLevel.Debug, "Ranked {Candidates} candidate(s) with {Preferences} applicable preference(s) and model version {ModelVersion} in {ElapsedMs:0.000} ms.")]
    public static partial void Ranked(ILogger logger, int candidates, int preferences, long modelVersion, double elapsedMs);

    [LoggerMessage(1101, LogLevel.Information, "Trained the ranking model of a tenant: {Users} user(s), {Comparisons} comparison(s), version {ModelVersion}, training accuracy {Accuracy:0.000}.")]
    public static partial void Trained(ILogger logger, int users, int comparisons, long modelVersion, double accuracy);

    [LoggerMessage(1102, LogLevel.Debug, "A concurrent update changed a user's ranking part; the online update was skipped (the next training refits it).")]
    public static partial void UserPartConflict(ILogger logger);

    [LoggerMessage(1109, LogLevel.Warning, "Stated-preference ranking runs without general knowledge of kinds of things: {Status}.")]
    public static partial void KnowledgeMissing(ILogger logger, string status);
}
