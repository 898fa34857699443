using System.Numerics.Tensors;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Penchant.Language;

namespace Penchant.Selecting;

/// <summary>
/// The background of ordinary requests (<c>Language/Resources/background-requests.json</c>, hand-written, no evaluation
/// items) against which the gate measures each preference: the mean and spread of the preference's similarities to them
/// turn the similarity of a request into a z-score that means the same for a broad preference and a narrow one.
/// </summary>
/// <remarks>Thread-safe. The requests are embedded once per instance, on first use.</remarks>
internal sealed class GateBackground(IEmbeddingGenerator<string, Embedding<float>> embeddings)
{
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
                GeneratedEmbeddings<Embedding<float>> generated = await embeddings.GenerateAsync(Requests.Value, cancellationToken: cancellationToken).ConfigureAwait(false);
                Volatile.Write(ref _vectors, [.. generated.Select(static e => e.Vector.ToArray())]);
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

    private static string[] Load()
    {
        using JsonDocument document = LanguagePack.Parse(LanguagePack.BackgroundRequests);
        return [.. document.RootElement.GetProperty("requests").EnumerateArray().Select(static r => r.GetString()!)];
    }
}
