using Microsoft.Extensions.AI;
using Penchant.Evaluation.Datasets;
using Penchant.Ranking;

namespace Penchant.Evaluation.Simulations;

/// <summary>Real responses for the simulations: HH-RLHF pairs with features and standardized surface factors.</summary>
public static class ResponsePool
{
    /// <summary>Reads pairs from splits and prepares, for each, the features of both responses in their prompt and their z-scored surface factors.</summary>
    public static async Task<(List<(float[] A, float[] B, float[] ZA, float[] ZB)> Pairs, int Dimensions)> PairsAsync(
        IEmbeddingGenerator<string, Embedding<float>> embeddings, string directory, IReadOnlyList<string> splits, int limit, CancellationToken cancellationToken)
    {
        var raw = new List<HhPair>();
        foreach (string split in splits)
        {
            raw.AddRange(await HhRlhfData.ReadAsync(directory, split, limit, cancellationToken));
        }

        Dictionary<string, float[]> vectors = await HhRlhfData.EmbedAsync(embeddings, raw.SelectMany(static p => (string[])[p.Prompt, p.Chosen, p.Rejected]), cancellationToken);
        var surface = new Dictionary<string, float[]>(StringComparer.Ordinal);
        foreach (HhPair p in raw)
        {
            surface.TryAdd(p.Chosen, SurfaceFeatures.Measure(p.Chosen));
            surface.TryAdd(p.Rejected, SurfaceFeatures.Measure(p.Rejected));
        }

        (double[] mean, double[] std) = Moments(surface.Values);
        var pairs = new List<(float[], float[], float[], float[])>(raw.Count);
        foreach (HhPair p in raw)
        {
            pairs.Add((
                HhRlhfData.Features(vectors, p.Prompt, p.Chosen),
                HhRlhfData.Features(vectors, p.Prompt, p.Rejected),
                Standardize(surface[p.Chosen], mean, std),
                Standardize(surface[p.Rejected], mean, std)));
        }

        return (pairs, vectors.Values.First().Length);
    }

    /// <summary>Reads distinct responses and prepares their features with no context, and their z-scored surface factors.</summary>
    public static async Task<(List<(float[] Features, float[] Z)> Responses, int Dimensions)> ResponsesAsync(
        IEmbeddingGenerator<string, Embedding<float>> embeddings, string directory, IReadOnlyList<string> splits, int limit, CancellationToken cancellationToken)
    {
        var texts = new List<string>();
        foreach (string split in splits)
        {
            foreach (HhPair p in await HhRlhfData.ReadAsync(directory, split, limit, cancellationToken))
            {
                texts.Add(p.Chosen);
                texts.Add(p.Rejected);
            }
        }

        texts = [.. texts.Distinct(StringComparer.Ordinal)];
        Dictionary<string, float[]> vectors = await HhRlhfData.EmbedAsync(embeddings, texts, cancellationToken);
        var surface = texts.Select(static t => SurfaceFeatures.Measure(t)).ToList();
        (double[] mean, double[] std) = Moments(surface);
        var responses = new List<(float[], float[])>(texts.Count);
        for (int i = 0; i < texts.Count; i++)
        {
            responses.Add((FeatureLayout.Build([], vectors[texts[i]], surface[i]), Standardize(surface[i], mean, std)));
        }

        return (responses, vectors.Values.First().Length);
    }

    private static (double[] Mean, double[] Std) Moments(IEnumerable<float[]> values)
    {
        var mean = new double[SurfaceFeatures.Count];
        var square = new double[SurfaceFeatures.Count];
        int n = 0;
        foreach (float[] v in values)
        {
            n++;
            for (int k = 0; k < mean.Length; k++)
            {
                mean[k] += v[k];
                square[k] += v[k] * v[k];
            }
        }

        var std = new double[mean.Length];
        for (int k = 0; k < mean.Length; k++)
        {
            mean[k] /= Math.Max(1, n);
            std[k] = Math.Sqrt(Math.Max(1e-12, (square[k] / Math.Max(1, n)) - (mean[k] * mean[k])));
        }

        return (mean, std);
    }

    private static float[] Standardize(float[] v, double[] mean, double[] std)
    {
        var z = new float[v.Length];
        for (int k = 0; k < v.Length; k++)
        {
            z[k] = (float)((v[k] - mean[k]) / std[k]);
        }

        return z;
    }
}
