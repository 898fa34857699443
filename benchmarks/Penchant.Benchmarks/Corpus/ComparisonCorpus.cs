using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Penchant.Evaluation.Datasets;
using Penchant.Learning.Ranking;
using Penchant.Ranking;

namespace Penchant.Benchmarks.Corpus;

/// <summary>One HH-RLHF pair: the last human turn and the two final assistant responses (<c>Chosen</c> is the one HH-RLHF's raters chose).</summary>
internal sealed record HhPair(string Prompt, string Chosen, string Rejected);

/// <summary>
/// 100,000 training comparisons (and 10,000 test comparisons) by 1,000 simulated users over real HH-RLHF responses, with
/// the features precomputed: the responses and prompts are embedded once with MiniLM and cached to a file, so a fit is
/// timed on features alone.
/// </summary>
/// <remarks>
/// Each user has one of six tastes (more or less length, formality or questions, as in the CLI's pluralistic simulation)
/// and draws each label from a Bradley–Terry model of <c>HhBonus·[HH-RLHF chose it] + Sharpness·sign·z(factor)</c>, so
/// the labels mix a shared signal (what HH-RLHF's raters chose) with a per-user one. Training comparisons come from the
/// first 80% of the pairs and test comparisons from the rest, so test accuracy is on pairs no fit has seen.
/// Comparisons share the pairs' feature arrays (600 pairs), so 100,000 comparisons take about 4 MB of features.
/// </remarks>
internal sealed class ComparisonCorpus
{
    /// <summary>The number of simulated users.</summary>
    public const int Users = 1_000;

    /// <summary>The number of training comparisons per user (100,000 in all).</summary>
    public const int TrainPerUser = 100;

    /// <summary>The number of test comparisons per user.</summary>
    public const int TestPerUser = 10;

    /// <summary>The pairs read from each of the four HH-RLHF test splits.</summary>
    public const int PairsPerSplit = 150;

    private const int Seed = 31_337;
    private const int CacheFormat = 1;
    private const double HhBonus = 1.0;
    private const double Sharpness = 2.0;
    private const int MaxEmbeddedChars = 1_200;

    private static readonly string[] Splits = ["helpful-base", "helpful-online", "helpful-rejection-sampled", "harmless-base"];

    private static readonly (int Factor, int Sign)[] Tastes =
    [
        (SurfaceFeatures.Length, -1), (SurfaceFeatures.Length, +1),
        (SurfaceFeatures.Formality, +1), (SurfaceFeatures.Formality, -1),
        (SurfaceFeatures.Questions, +1), (SurfaceFeatures.Questions, -1),
    ];

    private ComparisonCorpus(IReadOnlyList<HhPair> pairs, int embeddingDimensions, List<PairSample> train, List<PairSample> test)
    {
        Pairs = pairs;
        EmbeddingDimensions = embeddingDimensions;
        Train = train;
        Test = test;
    }

    /// <summary>Gets the HH-RLHF pairs the comparisons are drawn from.</summary>
    public IReadOnlyList<HhPair> Pairs { get; }

    /// <summary>Gets the embedding size.</summary>
    public int EmbeddingDimensions { get; }

    /// <summary>Gets the 100,000 training comparisons (user index = the simulated user).</summary>
    public IReadOnlyList<PairSample> Train { get; }

    /// <summary>Gets the test comparisons, on pairs the training comparisons do not use.</summary>
    public IReadOnlyList<PairSample> Test { get; }

    /// <summary>Gets the HH-RLHF folder: <c>--data</c> (a data root or the hh-rlhf folder itself), else <c>../shared/data/hh-rlhf</c>.</summary>
    public static string DataDirectory { get; set; } = Path.Combine("..", "shared", "data", "hh-rlhf");

    /// <summary>Reads the pairs, embeds them (or reads the cached features) and draws the comparisons.</summary>
    /// <param name="embeddings">The MiniLM generator, used only when the cache is missing or stale.</param>
    /// <param name="cancellationToken">Cancels reading and embedding.</param>
    /// <returns>The corpus.</returns>
    public static async Task<ComparisonCorpus> LoadAsync(IEmbeddingGenerator<string, Embedding<float>> embeddings, CancellationToken cancellationToken)
    {
        string directory = ResolveDirectory(DataDirectory);
        var pairs = new List<HhPair>();
        foreach (string split in Splits)
        {
            pairs.AddRange(await ReadAsync(Path.Combine(directory, split, "test.jsonl.gz"), PairsPerSplit, cancellationToken));
        }

        string key = Key(pairs);
        string cache = Path.Combine("BenchmarkDotNet.Artifacts", "ranking-corpus", $"features-{key}.bin");
        (float[] Chosen, float[] Rejected)[]? features = Read(cache, pairs.Count);
        if (features is null)
        {
            Console.WriteLine($"// Embedding {pairs.Count} HH-RLHF pairs with MiniLM (once; cached to {cache}).");
            features = await EmbedAsync(embeddings, pairs, cancellationToken);
            Write(cache, features);
        }

        int dimensions = (features[0].Chosen.Length - SurfaceFeatures.Count - 1) / 2;
        (List<PairSample> train, List<PairSample> test) = Draw(features);
        return new ComparisonCorpus(pairs, dimensions, train, test);
    }

    private static string ResolveDirectory(string given)
    {
        string path = Path.GetFullPath(given);
        if (File.Exists(Path.Combine(path, Splits[0], "test.jsonl.gz")))
        {
            return path;
        }

        string nested = Path.Combine(path, "hh-rlhf");
        if (File.Exists(Path.Combine(nested, Splits[0], "test.jsonl.gz")))
        {
            return nested;
        }

        throw new InvalidOperationException($"--data '{given}' holds no HH-RLHF data (expected <split>/test.jsonl.gz in it or in its hh-rlhf/ folder); pass --data /path/to/shared/data.");
    }

    private static async Task<List<HhPair>> ReadAsync(string file, int limit, CancellationToken cancellationToken)
    {
        var pairs = new List<HhPair>(limit);
        await using FileStream stream = File.OpenRead(file);
        await using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        while (pairs.Count < limit && await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            using var document = JsonDocument.Parse(line);
            (string prompt, string chosen) = HhRlhfConversation.LastTurn(document.RootElement.GetProperty("chosen").GetString() ?? string.Empty);
            (_, string rejected) = HhRlhfConversation.LastTurn(document.RootElement.GetProperty("rejected").GetString() ?? string.Empty);
            if (prompt.Length > 0 && chosen.Length > 0 && rejected.Length > 0 && !string.Equals(chosen, rejected, StringComparison.Ordinal))
            {
                pairs.Add(new HhPair(prompt, chosen, rejected));
            }
        }

        return pairs;
    }

    private static async Task<(float[] Chosen, float[] Rejected)[]> EmbedAsync(
        IEmbeddingGenerator<string, Embedding<float>> embeddings, List<HhPair> pairs, CancellationToken cancellationToken)
    {
        var distinct = pairs.SelectMany(static p => (string[])[p.Prompt, p.Chosen, p.Rejected]).Distinct(StringComparer.Ordinal).ToList();
        var vectors = new Dictionary<string, float[]>(StringComparer.Ordinal);
        for (int start = 0; start < distinct.Count; start += 64)
        {
            List<string> batch = distinct.GetRange(start, Math.Min(64, distinct.Count - start));

            // The model reads only its first 256 tokens; cutting long texts first saves tokenizing what it would drop.
            GeneratedEmbeddings<Embedding<float>> generated = await embeddings.GenerateAsync(
                [.. batch.Select(static t => t.Length > MaxEmbeddedChars ? t[..MaxEmbeddedChars] : t)], cancellationToken: cancellationToken);
            for (int i = 0; i < batch.Count; i++)
            {
                vectors[batch[i]] = generated[i].Vector.ToArray();
            }
        }

        return
        [
            .. pairs.Select(p => (
                FeatureLayout.Build(vectors[p.Prompt], vectors[p.Chosen], SurfaceFeatures.Measure(p.Chosen)),
                FeatureLayout.Build(vectors[p.Prompt], vectors[p.Rejected], SurfaceFeatures.Measure(p.Rejected)))),
        ];
    }

    private static (List<PairSample> Train, List<PairSample> Test) Draw((float[] Chosen, float[] Rejected)[] features)
    {
        // z-scores of the surface factors over all responses, for the users' tastes.
        var mean = new double[SurfaceFeatures.Count];
        var square = new double[SurfaceFeatures.Count];
        foreach ((float[] a, float[] b) in features)
        {
            for (int k = 0; k < mean.Length; k++)
            {
                mean[k] += a[k] + b[k];
                square[k] += (a[k] * a[k]) + (b[k] * b[k]);
            }
        }

        var std = new double[mean.Length];
        for (int k = 0; k < mean.Length; k++)
        {
            mean[k] /= 2 * features.Length;
            std[k] = Math.Sqrt(Math.Max(1e-12, (square[k] / (2 * features.Length)) - (mean[k] * mean[k])));
        }

        var random = new Random(Seed);
        int trainPairs = features.Length * 4 / 5;
        var train = new List<PairSample>(Users * TrainPerUser);
        var test = new List<PairSample>(Users * TestPerUser);
        for (int u = 0; u < Users; u++)
        {
            (int factor, int sign) = Tastes[u % Tastes.Length];
            for (int i = 0; i < TrainPerUser + TestPerUser; i++)
            {
                bool training = i < TrainPerUser;
                (float[] chosen, float[] rejected) = features[training ? random.Next(trainPairs) : random.Next(trainPairs, features.Length)];
                double advantage = HhBonus + (Sharpness * sign * (chosen[factor] - rejected[factor]) / std[factor]);
                bool chosenWins = random.NextDouble() < 1.0 / (1.0 + Math.Exp(-advantage));
                var sample = chosenWins ? new PairSample(u, chosen, rejected) : new PairSample(u, rejected, chosen);
                (training ? train : test).Add(sample);
            }
        }

        return (train, test);
    }

    /// <summary>A key over the texts, the embedding-independent settings and the cache format, so a changed reader or corpus re-embeds.</summary>
    private static string Key(List<HhPair> pairs)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(BitConverter.GetBytes(CacheFormat));
        hash.AppendData(BitConverter.GetBytes(MaxEmbeddedChars));
        foreach (HhPair p in pairs)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(p.Prompt + "\0" + p.Chosen + "\0" + p.Rejected + "\0"));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }

    private static (float[] Chosen, float[] Rejected)[]? Read(string path, int count)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        using var reader = new BinaryReader(File.OpenRead(path));
        if (reader.ReadInt32() != count)
        {
            return null;
        }

        int length = reader.ReadInt32();
        var features = new (float[], float[])[count];
        for (int i = 0; i < count; i++)
        {
            features[i] = (ReadVector(reader, length), ReadVector(reader, length));
        }

        return features;
    }

    private static float[] ReadVector(BinaryReader reader, int length)
    {
        var vector = new float[length];
        reader.BaseStream.ReadExactly(System.Runtime.InteropServices.MemoryMarshal.AsBytes(vector.AsSpan()));
        return vector;
    }

    private static void Write(string path, (float[] Chosen, float[] Rejected)[] features)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        string temporary = path + ".tmp";
        using (var writer = new BinaryWriter(File.Create(temporary)))
        {
            writer.Write(features.Length);
            writer.Write(features[0].Chosen.Length);
            foreach ((float[] a, float[] b) in features)
            {
                writer.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(a.AsSpan()));
                writer.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(b.AsSpan()));
            }
        }

        File.Move(temporary, path, overwrite: true);
    }
}
