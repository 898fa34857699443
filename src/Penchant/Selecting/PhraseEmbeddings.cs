using Microsoft.Extensions.AI;

namespace Penchant.Selecting;

/// <summary>Embeds short phrases (hinted request kinds, scopes, chained rules, clause objects) in one call, each once.</summary>
/// <remarks>
/// Keeping them across calls is the embedding generator's job (the local model caches by text; give a remote one a cache
/// with <c>UseDistributedCache</c>), so the engine holds no unbounded copy of its users' words.
/// </remarks>
internal static class PhraseEmbeddings
{
    public static async Task<Dictionary<string, float[]>> EmbedAsync(
        IEmbeddingGenerator<string, Embedding<float>> embeddings, IEnumerable<string?> phrases, CancellationToken cancellationToken)
    {
        var vectors = new Dictionary<string, float[]>(StringComparer.Ordinal);
        var unique = new List<string>();
        foreach (string? phrase in phrases)
        {
            if (phrase is not null && vectors.TryAdd(phrase, []))
            {
                unique.Add(phrase);
            }
        }

        if (unique.Count > 0)
        {
            GeneratedEmbeddings<Embedding<float>> generated = await embeddings.GenerateAsync(unique, cancellationToken: cancellationToken).ConfigureAwait(false);
            for (int i = 0; i < unique.Count; i++)
            {
                vectors[unique[i]] = generated[i].Vector.ToArray();
            }
        }

        return vectors;
    }
}
