using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Penchant.Diagnostics;

namespace Penchant.Server.Hosting;

/// <summary>OpenTelemetry for the service: traces and metrics of ASP.NET Core and the engine, exported over OTLP.</summary>
internal static class TelemetryExtensions
{
    /// <summary>The variable (or configuration key) that turns export on.</summary>
    public const string EndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>
    /// Registers OpenTelemetry tracing and metrics with OTLP export when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set;
    /// otherwise registers nothing, so an unobserved service pays nothing for telemetry.
    /// </summary>
    /// <param name="builder">The application builder.</param>
    /// <returns>The same builder.</returns>
    public static WebApplicationBuilder AddPenchantTelemetry(this WebApplicationBuilder builder)
    {
        if (string.IsNullOrWhiteSpace(builder.Configuration[EndpointKey]))
        {
            return builder;
        }

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(static resource => resource.AddService("penchant"))
            .WithTracing(static tracing => tracing
                .AddAspNetCoreInstrumentation()
                .AddSource(PenchantTelemetry.ActivitySourceName))
            .WithMetrics(static metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddMeter(PenchantTelemetry.MeterName))
            .UseOtlpExporter();
        return builder;
    }
}
