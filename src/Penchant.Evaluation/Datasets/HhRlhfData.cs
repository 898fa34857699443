using System.IO.Compression;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Penchant.Ranking;

namespace Penchant.Evaluation.Datasets;

/// <summary>Reads the HH-RLHF test splits (<c>&lt;split&gt;/test.jsonl.gz</c>) and embeds texts in batches.</summary>
public static class HhRlhfData
{
    /// <summary>The data folder used when <c>--data</c> is not given, relative to the current directory.</summary>
    public static readonly string DefaultDirectory = Path.Combine("..", "shared", "data", "hh-rlhf");

    private const int MaxEmbeddedChars = 1200;

    /// <summary>Finds the HH-RLHF folder: the path itself, or its <c>hh-rlhf</c> subfolder (a data root).</summary>
    public static string ResolveDirectory(string? given)
    {
        string path = Path.GetFullPath(given ?? DefaultDirectory);
        if (Directory.EnumerateDirectories(path).Any(static d => File.Exists(Path.Combine(d, "test.jsonl.gz"))))
        {
            return path;
        }

        string nested = Path.Combine(path, "hh-rlhf");
        if (Directory.Exists(nested))
        {
            return nested;
        }

        throw new EvaluationInputException($"--data '{given ?? DefaultDirectory}' holds no HH-RLHF data (expected <split>/test.jsonl.gz in it or in its hh-rlhf/ folder).");
    }

    /// <summary>Reads up to <paramref name="limit"/> pairs of one split, skipping pairs whose final responses are equal or empty.</summary>
    public static async Task<List<HhPair>> ReadAsync(string directory, string split, int? limit, CancellationToken cancellationToken)
    {
        string file = Path.Combine(directory, split, "test.jsonl.gz");
        if (!File.Exists(file))
        {
            throw new EvaluationInputException($"unknown split '{split}': {file} does not exist.");
        }

        var pairs = new List<HhPair>();
        await using FileStream stream = DataFiles.OpenRead(file);
        await using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        int lineNumber = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            HhRlhfLine? item;
            try
            {
                item = JsonSerializer.Deserialize(line, RankingEvalJsonContext.Default.HhRlhfLine);
            }
            catch (JsonException exception)
            {
                throw new EvaluationInputException($"{file}:{lineNumber}: {DataFiles.Reason(exception)}", exception);
            }

            if (item is not { Chosen: { } chosen, Rejected: { } rejected })
            {
                continue;
            }

            (string prompt, string a) = HhRlhfConversation.LastTurn(chosen);
            (_, string b) = HhRlhfConversation.LastTurn(rejected);
            if (prompt.Length == 0 || a.Length == 0 || b.Length == 0 || string.Equals(a, b, StringComparison.Ordinal))
            {
                continue;
            }

            pairs.Add(new HhPair(split, prompt, a, b));
            if (pairs.Count == limit)
            {
                break;
            }
        }

        return pairs;
    }

    /// <summary>Embeds texts in batches, each distinct text once.</summary>
    public static async Task<Dictionary<string, float[]>> EmbedAsync(
        IEmbeddingGenerator<string, Embedding<float>> embeddings, IEnumerable<string> texts, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, float[]>(StringComparer.Ordinal);
        var distinct = texts.Distinct(StringComparer.Ordinal).ToList();
        for (int start = 0; start < distinct.Count; start += 64)
        {
            List<string> batch = distinct.GetRange(start, Math.Min(64, distinct.Count - start));

            // The model reads only its first 256 tokens; cutting long texts first saves tokenizing what it would drop.
            GeneratedEmbeddings<Embedding<float>> vectors = await embeddings.GenerateAsync(
                [.. batch.Select(static t => t.Length > MaxEmbeddedChars ? t[..MaxEmbeddedChars] : t)], cancellationToken: cancellationToken);
            for (int i = 0; i < batch.Count; i++)
            {
                result[batch[i]] = vectors[i].Vector.ToArray();
            }
        }

        return result;
    }

    /// <summary>Builds the features of a response in a context.</summary>
    public static float[] Features(Dictionary<string, float[]> vectors, string context, string response)
        => FeatureLayout.Build(vectors[context], vectors[response], SurfaceFeatures.Measure(response));
}
