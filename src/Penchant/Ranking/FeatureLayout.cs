using System.Numerics.Tensors;

namespace Penchant.Ranking;

/// <summary>
/// The features of a (context, candidate) pair: the candidate's surface factors, the candidate's embedding, the
/// element-wise product of context and candidate embeddings (what the candidate says about what was asked), and their
/// cosine similarity.
/// </summary>
internal static class FeatureLayout
{
    // The product of two unit vectors has tiny components; this brings them to the scale of the embedding's.
    private const float ProductScale = 16f;

    /// <summary>Gets the feature size for an embedding size.</summary>
    public static int Dimensions(int embeddingDimensions) => SurfaceFeatures.Count + (2 * embeddingDimensions) + 1;

    /// <summary>Builds the features of one pair.</summary>
    /// <param name="context">The context's embedding (unit length).</param>
    /// <param name="candidate">The candidate's embedding (unit length).</param>
    /// <param name="surface">The candidate's surface factors.</param>
    /// <returns>The features.</returns>
    public static float[] Build(ReadOnlySpan<float> context, ReadOnlySpan<float> candidate, ReadOnlySpan<float> surface)
    {
        int e = candidate.Length;
        var features = new float[Dimensions(e)];
        surface.CopyTo(features);
        candidate.CopyTo(features.AsSpan(SurfaceFeatures.Count, e));
        Span<float> product = features.AsSpan(SurfaceFeatures.Count + e, e);
        if (context.Length == e)
        {
            TensorPrimitives.Multiply(context, candidate, product);
            TensorPrimitives.Multiply(product, ProductScale, product);
            features[^1] = TensorPrimitives.CosineSimilarity(context, candidate);
        }

        return features;
    }
}
