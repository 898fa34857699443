using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Penchant.AI.Diagnostics;

/// <summary>The names under which the Penchant chat middleware publishes traces and metrics, for hosts to <c>AddSource</c> and <c>AddMeter</c>.</summary>
public static class PreferenceChatTelemetry
{
    /// <summary>The name of the middleware's <see cref="System.Diagnostics.ActivitySource"/>.</summary>
    public const string ActivitySourceName = "Penchant.AI";

    /// <summary>The name of the middleware's <see cref="System.Diagnostics.Metrics.Meter"/>.</summary>
    public const string MeterName = "Penchant.AI";

    internal static readonly ActivitySource ActivitySource = new(ActivitySourceName);

    internal static readonly Meter Meter = new(MeterName);

    internal static readonly Histogram<double> PrepareDuration = Meter.CreateHistogram<double>(
        "penchant.chat.prepare.duration", unit: "s", description: "Time the middleware adds to a request: reaction, observation and selection.");

    internal static readonly Counter<long> Injected = Meter.CreateCounter<long>(
        "penchant.chat.preferences.injected", unit: "{preference}", description: "Preferences injected into chat requests.");

    internal static readonly Counter<long> Reactions = Meter.CreateCounter<long>(
        "penchant.chat.reactions", unit: "{reaction}", description: "Reactions to answers read from the user's next message, by label.");

    internal static readonly Counter<long> Failures = Meter.CreateCounter<long>(
        "penchant.chat.failures", unit: "{failure}", description: "Requests passed through without preferences because the engine failed.");
}
