using Microsoft.Extensions.Logging;

namespace Penchant.AI.Diagnostics;

/// <summary>Source-generated log messages of the chat middleware (event ids 3000–3999). User content only at Trace.</summary>
internal static partial class Log
{
    [LoggerMessage(3000, LogLevel.Debug, "No user identified for a chat request; it passes through without preferences.")]
    public static partial void NoUser(ILogger logger);

    [LoggerMessage(3001, LogLevel.Debug, "Chat request: {Observed} new message(s) observed, {Selected} preference(s) injected in {ElapsedMs:0.0} ms.")]
    public static partial void Prepared(ILogger logger, int observed, int selected, double elapsedMs);

    [LoggerMessage(3002, LogLevel.Trace, "Injected preference block: {Block}")]
    public static partial void InjectedBlock(ILogger logger, string block);

    [LoggerMessage(3003, LogLevel.Debug, "Reaction to the previous answer: {Label}; {Applied} applied preference(s).")]
    public static partial void Reacted(ILogger logger, string label, int applied);

    [LoggerMessage(3006, LogLevel.Trace, "Reaction reason: {Reason}")]
    public static partial void ReactionReason(ILogger logger, string reason);

    [LoggerMessage(3004, LogLevel.Warning, "The preference engine failed; the chat request continues without preferences.")]
    public static partial void EngineFailed(ILogger logger, Exception exception);

    [LoggerMessage(3005, LogLevel.Warning, "The language-model extractor failed or answered invalid JSON; the rule-based default answered instead.")]
    public static partial void ModelFallback(ILogger logger, Exception? exception);
}
