using System.Buffers.Binary;
using System.Numerics.Tensors;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Penchant.Language;
using Penchant.Storage;
using Penchant.Storage.Codecs;

namespace Penchant.Selecting;

/// <summary>
/// The background of ordinary requests (<c>Language/Resources/background-requests.json</c>, hand-written, no evaluation
/// items) against which the gate measures each preference: the mean and spread of the preference's similarities to them
/// turn the similarity of a request into a z-score that means the same for a broad preference and a narrow one.
/// </summary>
/// <remarks>
/// Thread-safe. The requests are embedded once per store and embedding model, on first use, and kept in the store
/// (a store-wide model record, <see cref="RecordName"/>, beside the embedding model's own record) with the model's
/// description and a hash of the requests: a new process reads them there instead of embedding 156 texts, which was most of
/// a cold <c>penchant select</c> after loading the model. A record for another model or other requests is embedded again
/// and replaced. Keeping them is best effort (another process may write them first).
/// </remarks>
internal sealed class GateBackground(IEmbeddingGenerator<string, Embedding<float>> embeddings, IPreferenceStore? store = null)
{
    /// <summary>The name of the store-wide record that keeps the embedded requests.</summary>
    public const string RecordName = "gate-background";

    /// <summary>The least spread a preference's background similarities are taken to have, so a z-score never divides by almost nothing.</summary>
    public const double MinimumSpread = 0.03;

    private static readonly Lazy<string[]> Requests = new(Load);
    private readonly SemaphoreSlim _lock = new(1, 1);
    private float[][]? _vectors;

    /// <summary>Gets the background requests.</summary>
    public static IReadOnlyList<string> Texts => Requests.Value;

    /// <summary>Gets the embedded background requests, embedding them on first use.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>One vector per request.</returns>
    public async ValueTask<float[][]> VectorsAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _vectors) is { } ready)
        {
            return ready;
        }

        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_vectors is null)
            {
                string identity = StoreEmbeddings.Describe(embeddings) + "\n" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', Requests.Value))));
                StoredModel? kept = store is null ? null : await store.GetModelAsync(StoreEmbeddings.ReservedTenant, RecordName, cancellationToken).ConfigureAwait(false);
                float[][]? vectors = kept is null ? null : Decode(kept.Payload.Span, identity, Requests.Value.Length);
                if (vectors is null)
                {
                    GeneratedEmbeddings<Embedding<float>> generated = await embeddings.GenerateAsync(Requests.Value, cancellationToken: cancellationToken).ConfigureAwait(false);
                    vectors = [.. generated.Select(static e => e.Vector.ToArray())];
                    await KeepAsync(identity, vectors, kept?.Version ?? 0, cancellationToken).ConfigureAwait(false);
                }

                Volatile.Write(ref _vectors, vectors);
            }

            return _vectors!;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Gets the mean and spread of a vector's similarities to the background.</summary>
    /// <param name="vector">The preference's vector.</param>
    /// <param name="background">The background vectors.</param>
    /// <returns>The mean, and the standard deviation floored at <see cref="MinimumSpread"/>.</returns>
    public static (double Mean, double Spread) Measure(ReadOnlySpan<float> vector, float[][] background)
    {
        if (background.Length == 0)
        {
            return (0, 1);
        }

        double sum = 0, squares = 0;
        foreach (float[] b in background)
        {
            double s = TensorPrimitives.Dot(vector, b);
            sum += s;
            squares += s * s;
        }

        double mean = sum / background.Length;
        double variance = Math.Max(0, (squares / background.Length) - (mean * mean));
        return (mean, Math.Max(Math.Sqrt(variance), MinimumSpread));
    }

    /// <summary>How many of the nearest background requests make a preference's neighbourhood (see <see cref="Neighbourhood"/>).</summary>
    public const int NeighbourhoodSize = 5;

    /// <summary>
    /// Gets a preference's neighbourhood among ordinary requests: the unit mean of the <see cref="NeighbourhoodSize"/>
    /// background requests closest to it. A statement ("I find long lectures tiring") and the requests it bears on ("how
    /// should I study for …") differ in form; the ordinary requests nearest the statement stand for the kinds of requests it
    /// is about, in the form of a request.
    /// </summary>
    /// <param name="vector">The preference's vector.</param>
    /// <param name="background">The background vectors.</param>
    /// <returns>The neighbourhood's unit vector; empty without a background.</returns>
    public static float[] Neighbourhood(ReadOnlySpan<float> vector, float[][] background)
    {
        if (background.Length == 0)
        {
            return [];
        }

        int k = Math.Min(NeighbourhoodSize, background.Length);
        var nearest = new (double Similarity, int Index)[background.Length];
        for (int i = 0; i < background.Length; i++)
        {
            nearest[i] = (TensorPrimitives.Dot(vector, background[i]), i);
        }

        Array.Sort(nearest, static (a, b) => b.Similarity.CompareTo(a.Similarity));
        var sum = new float[background[0].Length];
        for (int i = 0; i < k; i++)
        {
            TensorPrimitives.Add(sum, background[nearest[i].Index], sum);
        }

        float norm = TensorPrimitives.Norm(sum);
        if (norm > 0)
        {
            TensorPrimitives.Divide(sum, norm, sum);
        }

        return sum;
    }

    /// <summary>
    /// Writes the embedded requests as: identity length, identity (UTF-8), count, dimensions (32-bit little-endian
    /// integers), then the vectors one after the other as <see cref="EmbeddingBlob"/> writes each.
    /// </summary>
    internal static byte[] Encode(string identity, float[][] vectors)
    {
        byte[] name = Encoding.UTF8.GetBytes(identity);
        int dimensions = vectors.Length == 0 ? 0 : vectors[0].Length;
        int size = dimensions * sizeof(float);
        var payload = new byte[12 + name.Length + (vectors.Length * size)];
        BinaryPrimitives.WriteInt32LittleEndian(payload, name.Length);
        name.CopyTo(payload, 4);
        int offset = 4 + name.Length;
        BinaryPrimitives.WriteInt32LittleEndian(payload.AsSpan(offset), vectors.Length);
        BinaryPrimitives.WriteInt32LittleEndian(payload.AsSpan(offset + 4), dimensions);
        offset += 8;
        foreach (float[] vector in vectors)
        {
            EmbeddingBlob.Write(vector.AsSpan(0, dimensions), payload.AsSpan(offset, size));
            offset += size;
        }

        return payload;
    }

    /// <summary>Reads what <see cref="Encode"/> wrote, or <see langword="null"/> when it was written for another model or other requests, or is malformed.</summary>
    internal static float[][]? Decode(ReadOnlySpan<byte> payload, string identity, int count)
    {
        if (payload.Length < 12)
        {
            return null;
        }

        int length = BinaryPrimitives.ReadInt32LittleEndian(payload);
        if (length < 0 || length > payload.Length - 12 || !string.Equals(Encoding.UTF8.GetString(payload.Slice(4, length)), identity, StringComparison.Ordinal))
        {
            return null;
        }

        ReadOnlySpan<byte> rest = payload[(4 + length)..];
        int stored = BinaryPrimitives.ReadInt32LittleEndian(rest);
        int dimensions = BinaryPrimitives.ReadInt32LittleEndian(rest[4..]);
        rest = rest[8..];
        if (stored != count || dimensions <= 0 || (long)stored * dimensions * sizeof(float) != rest.Length)
        {
            return null;
        }

        int size = dimensions * sizeof(float);
        var vectors = new float[stored][];
        for (int i = 0; i < stored; i++)
        {
            vectors[i] = new float[dimensions];
            EmbeddingBlob.Read(rest.Slice(i * size, size), vectors[i]);
        }

        return vectors;
    }

    private async Task KeepAsync(string identity, float[][] vectors, long version, CancellationToken cancellationToken)
    {
        if (store is null)
        {
            return;
        }

        try
        {
            await store.SaveModelAsync(StoreEmbeddings.ReservedTenant, RecordName, Encode(identity, vectors), version, cancellationToken).ConfigureAwait(false);
        }
        catch (ConcurrencyException)
        {
            // Another process kept them first; this one uses its own.
        }
    }

    private static string[] Load()
    {
        using JsonDocument document = LanguagePack.Parse(LanguagePack.BackgroundRequests);
        return [.. document.RootElement.GetProperty("requests").EnumerateArray().Select(static r => r.GetString()!)];
    }
}
