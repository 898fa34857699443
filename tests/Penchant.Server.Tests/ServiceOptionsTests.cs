using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Penchant.Embeddings;

namespace Penchant.Server;

/// <summary>The limits of <see cref="ServiceOptions"/> reach Kestrel, the host's graceful shutdown and the request timeouts.</summary>
public sealed class ServiceOptionsTests(PenchantServerFactory factory) : IClassFixture<PenchantServerFactory>
{
    [Fact]
    public void Defaults_ConfigureKestrelShutdownAndTimeouts()
    {
        ServiceOptions options = factory.Services.GetRequiredService<IOptions<ServiceOptions>>().Value;

        Assert.Equal(1024 * 1024, factory.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.Limits.MaxRequestBodySize);
        Assert.Equal(options.ShutdownTimeout, factory.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout);
        Assert.Equal(TimeSpan.FromSeconds(30), options.ShutdownTimeout);
        RequestTimeoutPolicy policy = factory.Services.GetRequiredService<IOptions<RequestTimeoutOptions>>().Value.DefaultPolicy!;
        Assert.Equal(options.RequestTimeout, policy.Timeout);
        Assert.Equal(504, policy.TimeoutStatusCode);
    }

    [Theory]
    [InlineData(nameof(ServiceOptions.MaxRequestBodyBytes), 10)]
    [InlineData(nameof(ServiceOptions.MaxJsonDepth), 1)]
    [InlineData(nameof(ServiceOptions.RateLimitPerSecond), 0)]
    public void Validator_OutOfRange_Fails(string property, long value)
    {
        var options = new ServiceOptions();
        typeof(ServiceOptions).GetProperty(property)!.SetValue(options, Convert.ChangeType(value, typeof(ServiceOptions).GetProperty(property)!.PropertyType, System.Globalization.CultureInfo.InvariantCulture));

        ValidateOptionsResult result = new ServiceOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(property, result.FailureMessage, StringComparison.Ordinal);
    }
}

/// <summary>The service runs the embedding model in 8-bit weights unless <c>Penchant:Embeddings:Precision</c> says otherwise.</summary>
public sealed class ServiceEmbeddingPrecisionTests
{
    [Theory]
    [InlineData(null, MiniLmEmbeddingGenerator.Int8ModelId)]
    [InlineData("Float32", MiniLmEmbeddingGenerator.ModelId)]
    [InlineData("Int8", MiniLmEmbeddingGenerator.Int8ModelId)]
    public async Task Precision_DefaultOrConfigured_ChoosesTheModel(string? configured, string expectedModel)
    {
        await using var factory = new ConfiguredFactory(configured);

        var generator = factory.Services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();
        GeneratedEmbeddings<Embedding<float>> embeddings = await generator.GenerateAsync(["I prefer aisle seats."], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(expectedModel, generator.GetService<EmbeddingGeneratorMetadata>()!.DefaultModelId);
        Assert.Equal(expectedModel, embeddings[0].ModelId);
    }

    private sealed class ConfiguredFactory(string? precision) : PenchantServerFactory
    {
        protected override IEnumerable<KeyValuePair<string, string>> Settings =>
            precision is null ? [] : [new(ServerHost.EmbeddingsSection + ":Precision", precision)];
    }
}
