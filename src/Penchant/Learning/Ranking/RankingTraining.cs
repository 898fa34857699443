using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Penchant.Diagnostics;
using Penchant.Domain;
using Penchant.Ranking;
using Penchant.Signals;
using Penchant.Storage;

namespace Penchant.Learning.Ranking;

/// <summary>Fits a tenant's ranking model from every user's comparisons, ratings and choices, and refits each user's part.</summary>
/// <remarks>Thread-safe; deterministic for a given seed.</remarks>
internal sealed class RankingTraining(
    UserStateCache states,
    RankingModels models,
    IEmbeddingGenerator<string, Embedding<float>> embeddings,
    ILogger<RankingTraining>? logger = null)
{
    private const int MaxSaveAttempts = 5;
    private readonly ILogger _logger = logger ?? NullLogger<RankingTraining>.Instance;

    public async Task<TrainingReport> TrainAsync(string tenantId, TrainingOptions options, CancellationToken cancellationToken)
    {
        await states.EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        IPreferenceStore store = states.Store;
        var userIds = new List<string>();
        var userPairs = new List<List<TextPair>>();
        await foreach (string userId in store.ListUsersAsync(tenantId, cancellationToken).ConfigureAwait(false))
        {
            var events = new List<PreferenceEvent>();
            await foreach (PreferenceEvent ev in store.ReadEventsAsync(new UserKey(tenantId, userId), 0, cancellationToken).ConfigureAwait(false))
            {
                if (ev.Kind == EventKind.Comparison || ev.Kind == EventKind.Rating || ev.Kind == EventKind.Choice)
                {
                    events.Add(ev);
                }
            }

            List<TextPair> pairs = SignalPairs.FromEvents(events);
            if (pairs.Count > 0)
            {
                userIds.Add(userId);
                userPairs.Add(pairs);
            }
        }

        if (userIds.Count == 0)
        {
            return new TrainingReport(0, 0, 0, 0, 1);
        }

        var samples = new List<PairSample>();
        var cache = new Dictionary<string, float[]>(StringComparer.Ordinal);
        for (int u = 0; u < userPairs.Count; u++)
        {
            samples.AddRange(await RankingSamples.BuildAsync(embeddings, userPairs[u], u, cache, cancellationToken).ConfigureAwait(false));
        }

        int dimensions = cache.Values.First().Length;
        var trainer = new TrainerOptions { Prototypes = options.Prototypes, SkewRank = options.SkewRank, Epochs = options.Epochs, Seed = options.Seed };
        (RewardModel model, UserPart[] parts) = RankingTrainer.Train(samples, userIds.Count, dimensions, trainer, cancellationToken);
        double accuracy = RankingMetrics.Accuracy(model, parts, samples);

        StoredModel? previous = await store.GetModelAsync(tenantId, RankingModels.Name, cancellationToken).ConfigureAwait(false);
        long version = await store.SaveModelAsync(tenantId, RankingModels.Name, model.ToBytes(), previous?.Version ?? 0, cancellationToken).ConfigureAwait(false);
        models.Keep(tenantId, version, model);
        for (int u = 0; u < userIds.Count; u++)
        {
            await SavePartAsync(store, new UserKey(tenantId, userIds[u]), parts[u], cancellationToken).ConfigureAwait(false);
        }

        Log.Trained(_logger, userIds.Count, samples.Count, version, accuracy);
        return new TrainingReport(userIds.Count, samples.Count, version, accuracy, model.Temperature);
    }

    /// <summary>Saves a user's refitted part over whatever version is stored (retrying when a concurrent write moved it on).</summary>
    private async Task SavePartAsync(IPreferenceStore store, UserKey user, UserPart part, CancellationToken cancellationToken)
    {
        for (int attempt = 1; ; attempt++)
        {
            StoredModel? stored = await store.GetUserModelAsync(user, RankingModels.Name, cancellationToken).ConfigureAwait(false);
            try
            {
                await store.SaveUserModelAsync(user, RankingModels.Name, part.ToBytes(), stored?.Version ?? 0, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (ConcurrencyException) when (attempt < MaxSaveAttempts)
            {
                Log.UserPartConflict(_logger);
            }
        }
    }
}
