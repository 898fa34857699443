using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Penchant.Server;

/// <summary>OpenTelemetry is registered (with OTLP export) only when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.</summary>
public sealed class TelemetryTests
{
    [Fact]
    public async Task NoEndpoint_RegistersNoTelemetry()
    {
        await using var factory = new PenchantServerFactory();

        Assert.Null(factory.Services.GetService<TracerProvider>());
        Assert.Null(factory.Services.GetService<MeterProvider>());
    }

    [Fact]
    public async Task EndpointSet_RegistersTracingAndMetrics()
    {
        await using var factory = new OtlpServerFactory();

        Assert.NotNull(factory.Services.GetService<TracerProvider>());
        Assert.NotNull(factory.Services.GetService<MeterProvider>());
    }

    private sealed class OtlpServerFactory : PenchantServerFactory
    {
        protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:4317")];
    }
}
