using System.Diagnostics;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using Penchant.Learning.Statements;
using Penchant.Storage;

namespace Penchant.Server.Hosting;

/// <summary>
/// Runs once the host starts, while the server already answers <c>/health/live</c>: creates a bootstrap key when none
/// exists (see <see cref="ServiceOptions.BootstrapKey"/>), initializes the store, loads the embedding model and warms
/// the extractor and hinter (which embed their seed sentences on first use), then
/// marks the service ready.
/// </summary>
internal sealed class StartupService(
    ReadinessState state,
    IApiKeyStore keys,
    IPreferenceStore store,
    IEmbeddingGenerator<string, Embedding<float>> embeddings,
    IPreferenceExtractor extractor,
    IApplicabilityHinter hinter,
    IOptions<ServiceOptions> options,
    ILogger<StartupService> logger) : BackgroundService
{
    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        long started = Stopwatch.GetTimestamp();
        try
        {
            // A database server may start after the service (or be restarting): wait for it, not ready meanwhile.
            TimeSpan delay = TimeSpan.FromSeconds(1);
            while (true)
            {
                try
                {
                    await PrepareStoreAsync(stoppingToken);
                    break;
                }
                catch (StoreUnavailableException exception)
                {
                    Log.StoreUnavailableAtStart(logger, delay.TotalSeconds, exception);
                    await Task.Delay(delay, stoppingToken);
                    delay = TimeSpan.FromSeconds(Math.Min(delay.TotalSeconds * 2, 30));
                }
            }

            await embeddings.GenerateAsync(["Penchant is warming up."], cancellationToken: stoppingToken);

            // The extractor and the hinter embed their seed sentences and lexicon on first use: do it now, not in the first write.
            ExtractedPreference extracted = await extractor.FromStatementAsync("I prefer tea to coffee in the morning.", null, stoppingToken);
            await extractor.FromTurnAsync("Please always keep your answers short.", stoppingToken);
            await hinter.HintAsync(extracted, stoppingToken);
            state.SetReady();
            Log.Ready(logger, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            state.SetFailed(exception);
            throw;
        }
    }

    private async Task PrepareStoreAsync(CancellationToken stoppingToken)
    {
        // Whatever the file already holds (a store the CLI made, keys of other tenants, revoked keys), a first start must
        // end with a usable key for 'default'.
        if (options.Value.BootstrapKey && !await keys.HasActiveKeyAsync(Domain.UserKey.DefaultTenant, stoppingToken))
        {
            await keys.CreateTenantAsync(Domain.UserKey.DefaultTenant, stoppingToken);
            CreatedApiKey key = await keys.CreateKeyAsync(Domain.UserKey.DefaultTenant, stoppingToken);
            Log.BootstrapKeyCreated(logger, key.KeyId);
            await Console.Out.WriteLineAsync(
                $"Penchant: tenant 'default' had no active API key, so one was created (shown only now):{Environment.NewLine}" +
                $"  Authorization: Bearer {key.Key}{Environment.NewLine}" +
                $"Create more with 'penchant key create --tenant NAME'; revoke this one with 'penchant key revoke {key.KeyId}'.");
        }

        await store.InitializeAsync(stoppingToken);

        // The CLI and every instance must embed with the model the store's vectors were written with.
        await StoreEmbeddings.EnsureAsync(store, StoreEmbeddings.Describe(embeddings), stoppingToken);
    }
}
