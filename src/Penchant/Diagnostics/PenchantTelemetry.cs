using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Penchant.Diagnostics;

/// <summary>The names under which Penchant publishes traces and metrics, for hosts to <c>AddSource</c> and <c>AddMeter</c>.</summary>
public static class PenchantTelemetry
{
    /// <summary>The name of Penchant's <see cref="System.Diagnostics.ActivitySource"/>.</summary>
    public const string ActivitySourceName = "Penchant";

    /// <summary>The name of Penchant's <see cref="System.Diagnostics.Metrics.Meter"/>.</summary>
    public const string MeterName = "Penchant";

    internal static readonly ActivitySource ActivitySource = new(ActivitySourceName);

    internal static readonly Meter Meter = new(MeterName);

    internal static readonly Histogram<double> SelectDuration = Meter.CreateHistogram<double>(
        "penchant.select.duration", unit: "s", description: "Time to select the preferences that apply to a request.");

    internal static readonly Histogram<double> WriteDuration = Meter.CreateHistogram<double>(
        "penchant.write.duration", unit: "s", description: "Time to record a signal and update the user's preferences.");

    internal static readonly Counter<long> Selected = Meter.CreateCounter<long>(
        "penchant.select.preferences", unit: "{preference}", description: "Preferences selected for requests.");
}
