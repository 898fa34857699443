using Microsoft.Extensions.AI;
using Penchant.Ranking;
using Penchant.Signals;

namespace Penchant.Learning.Ranking;

/// <summary>
/// Learns the user's personal ranking part online from comparisons and choices: a few gradient steps from where it was,
/// with the tenant's model fixed (cheap, per user). Ratings wait for training, which pairs them within a context.
/// </summary>
internal sealed class RankingLearner(RankingModels models, IEmbeddingGenerator<string, Embedding<float>> embeddings) : ILearner
{
    public bool Reads(EventKind kind) => kind == EventKind.Comparison || kind == EventKind.Choice;

    public async ValueTask LearnAsync(LearningContext context, PreferenceEvent entry, CancellationToken cancellationToken)
    {
        List<TextPair> pairs = SignalPairs.FromEvents([entry]);
        if (pairs.Count == 0)
        {
            return;
        }

        (RewardModel? model, _) = await models.GetAsync(context.User.TenantId, cancellationToken).ConfigureAwait(false);
        List<PairSample> samples = await RankingSamples.BuildAsync(embeddings, pairs, 0, new Dictionary<string, float[]>(StringComparer.Ordinal), cancellationToken).ConfigureAwait(false);
        RewardModel fitted = model ?? new RewardModel(samples[0].Preferred.Length == 0 ? 0 : RankingSamples.EmbeddingSize(samples[0].Preferred.Length), 0, 0);
        ReadOnlyMemory<byte>? stored = await context.Models.GetAsync(RankingModels.Name, cancellationToken).ConfigureAwait(false);
        UserPart part = LearnOnline(model, fitted, stored is { } bytes ? UserPart.FromBytes(bytes.Span) : null, samples);
        context.Models.Set(RankingModels.Name, part.ToBytes());
    }

    /// <summary>The online update of a user's part (no I/O): a few gradient steps from where it was, with the shared model fixed.</summary>
    /// <param name="model">The tenant's model, or <see langword="null"/> when none is trained yet.</param>
    /// <param name="fitted">The model to fit against: <paramref name="model"/>, or an empty one of the samples' size.</param>
    /// <param name="stored">The user's stored part, or <see langword="null"/> for a user with none.</param>
    /// <param name="samples">The new comparisons.</param>
    /// <returns>The updated part.</returns>
    public static UserPart LearnOnline(RewardModel? model, RewardModel fitted, UserPart? stored, IReadOnlyList<PairSample> samples)
    {
        UserPart part = stored?.Fit(model) ?? UserPart.FromPrior(model);
        int before = part.Comparisons;
        RankingTrainer.FitUser(fitted, part, samples, epochs: 3, learningRate: 1.0, l2: 0.01);
        part.Comparisons = before + samples.Count;
        return part;
    }
}
