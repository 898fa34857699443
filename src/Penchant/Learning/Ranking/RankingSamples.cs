using Microsoft.Extensions.AI;
using Penchant.Ranking;

namespace Penchant.Learning.Ranking;

/// <summary>Builds the feature pairs ranking models learn from, out of text pairs, embedding each distinct text once.</summary>
internal static class RankingSamples
{
    private const int EmbeddingBatch = 64;

    /// <summary>Builds training samples from text pairs, embedding each text not in <paramref name="cache"/> (and adding it there).</summary>
    public static async Task<List<PairSample>> BuildAsync(
        IEmbeddingGenerator<string, Embedding<float>> embeddings, List<TextPair> pairs, int userIndex, Dictionary<string, float[]> cache, CancellationToken cancellationToken)
    {
        var missing = new List<string>();
        foreach (TextPair pair in pairs)
        {
            foreach (string text in (string[])[pair.Context, pair.Preferred, pair.Rejected])
            {
                if (!cache.ContainsKey(text) && !missing.Contains(text))
                {
                    missing.Add(text);
                }
            }
        }

        for (int start = 0; start < missing.Count; start += EmbeddingBatch)
        {
            List<string> batch = missing.GetRange(start, Math.Min(EmbeddingBatch, missing.Count - start));
            GeneratedEmbeddings<Embedding<float>> vectors = await embeddings.GenerateAsync(batch, cancellationToken: cancellationToken).ConfigureAwait(false);
            for (int i = 0; i < batch.Count; i++)
            {
                cache[batch[i]] = vectors[i].Vector.ToArray();
            }
        }

        var samples = new List<PairSample>(pairs.Count);
        foreach (TextPair pair in pairs)
        {
            samples.Add(Sample(pair, userIndex, cache));
        }

        return samples;
    }

    /// <summary>Builds the training sample of a text pair from the embeddings of its texts (no I/O).</summary>
    public static PairSample Sample(TextPair pair, int userIndex, IReadOnlyDictionary<string, float[]> vectors)
    {
        float[] context = vectors[pair.Context];
        return new PairSample(
            userIndex,
            FeatureLayout.Build(context, vectors[pair.Preferred], SurfaceFeatures.Measure(pair.Preferred)),
            FeatureLayout.Build(context, vectors[pair.Rejected], SurfaceFeatures.Measure(pair.Rejected)),
            pair.Weight,
            pair.Tie);
    }

    /// <summary>Gets the embedding size of a feature vector's layout.</summary>
    public static int EmbeddingSize(int featureDimensions) => (featureDimensions - SurfaceFeatures.Count - 1) / 2;
}
