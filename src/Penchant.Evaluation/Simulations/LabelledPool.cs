using Microsoft.Extensions.AI;
using Penchant.Evaluation.Datasets;
using Penchant.Ranking;

namespace Penchant.Evaluation.Simulations;

/// <summary>
/// Labelled comparisons and responses for the honest pluralistic and cyclic evaluations: the ICAI synthetic sets (labels
/// that follow a known principle) and HH-RLHF (its annotators' chosen response), embedded in their prompts.
/// </summary>
public static class LabelledPool
{
    /// <summary>The ICAI sets used: their texts differ, so a taste over one says nothing of the other ("mixed" reuses both).</summary>
    public static readonly string[] IcaiSets = ["orthogonal", "aligned"];

    /// <summary>Reads the ICAI sets and HH-RLHF splits as labelled sources, each pair's features in its prompt.</summary>
    public static async Task<(List<LabelledSource> Sources, int Dimensions)> SourcesAsync(
        IEmbeddingGenerator<string, Embedding<float>> embeddings, string icaiDirectory, string hhDirectory, IReadOnlyList<string> hhSplits, int limit, CancellationToken cancellationToken)
    {
        var raw = new List<(string Source, string Prompt, string Preferred, string Other)>();
        foreach (string set in IcaiSets)
        {
            foreach ((string instruction, string a, string b, bool aIsPreferred) in (await IcaiData.ReadAsync(icaiDirectory, set, cancellationToken)).Take(limit))
            {
                raw.Add(("icai-" + set, instruction, aIsPreferred ? a : b, aIsPreferred ? b : a));
            }
        }

        foreach (string split in hhSplits)
        {
            foreach (HhPair p in await HhRlhfData.ReadAsync(hhDirectory, split, limit, cancellationToken))
            {
                raw.Add(("hh-" + split, p.Prompt, p.Chosen, p.Rejected));
            }
        }

        Dictionary<string, float[]> vectors = await HhRlhfData.EmbedAsync(embeddings, raw.SelectMany(static r => (string[])[r.Prompt, r.Preferred, r.Other]), cancellationToken);
        var sources = raw.GroupBy(static r => r.Source).Select(g => new LabelledSource(
            g.Key,
            [.. g.Select(r => (HhRlhfData.Features(vectors, r.Prompt, r.Preferred), HhRlhfData.Features(vectors, r.Prompt, r.Other)))])).ToList();
        return (sources, vectors.Values.First().Length);
    }

    /// <summary>
    /// Reads distinct responses grouped by where they come from (one group per source: an ICAI set or an HH-RLHF split), with
    /// their features without context; the group is the label the cyclic evaluation cycles over, and no feature holds it.
    /// </summary>
    public static async Task<(List<(float[] Features, int Group)> Responses, IReadOnlyList<string> Groups, int Dimensions)> ResponsesAsync(
        IEmbeddingGenerator<string, Embedding<float>> embeddings, string icaiDirectory, string hhDirectory, IReadOnlyList<string> hhSplits, int limit, CancellationToken cancellationToken)
    {
        var texts = new List<(string Text, int Group)>();
        var groups = new List<string>();
        foreach (string split in hhSplits)
        {
            groups.Add("hh-" + split);
            foreach (HhPair p in await HhRlhfData.ReadAsync(hhDirectory, split, limit, cancellationToken))
            {
                texts.Add((p.Chosen, groups.Count - 1));
                texts.Add((p.Rejected, groups.Count - 1));
            }
        }

        groups.Add("icai");
        foreach (string set in IcaiSets)
        {
            foreach ((_, string a, string b, _) in (await IcaiData.ReadAsync(icaiDirectory, set, cancellationToken)).Take(limit))
            {
                texts.Add((a, groups.Count - 1));
                texts.Add((b, groups.Count - 1));
            }
        }

        // A text found in two groups belongs to neither.
        var groupOf = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach ((string text, int group) in texts)
        {
            groupOf[text] = groupOf.TryGetValue(text, out int g) && g != group ? -1 : group;
        }

        List<string> kept = [.. groupOf.Where(static kv => kv.Value >= 0).Select(static kv => kv.Key).Order(StringComparer.Ordinal)];
        Dictionary<string, float[]> vectors = await HhRlhfData.EmbedAsync(embeddings, kept, cancellationToken);
        var responses = kept.Select(t => (FeatureLayout.Build([], vectors[t], SurfaceFeatures.Measure(t)), groupOf[t])).ToList();
        return (responses, groups, vectors.Values.First().Length);
    }
}
