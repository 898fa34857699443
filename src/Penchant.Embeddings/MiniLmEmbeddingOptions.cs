using System.ComponentModel.DataAnnotations;

namespace Penchant.Embeddings;

/// <summary>Options of <see cref="MiniLmEmbeddingGenerator"/>.</summary>
public sealed class MiniLmEmbeddingOptions
{
    /// <summary>Gets or sets how many distinct texts are cached (first in, first out); 0 turns the cache off.</summary>
    /// <value>The default is 50,000 texts (about 80 MB).</value>
    [Range(0, 10_000_000)]
    public int CacheSize { get; set; } = 50_000;

    /// <summary>Gets or sets the most texts encoded in one model call.</summary>
    /// <value>The default is 32.</value>
    [Range(1, 1024)]
    public int MaxBatchSize { get; set; } = 32;

    /// <summary>Gets or sets the threads the model uses for one call.</summary>
    /// <value>The default is the number of processors.</value>
    [Range(1, 256)]
    public int IntraOpThreads { get; set; } = Environment.ProcessorCount;

    /// <summary>Gets or sets how the model's weights are stored and multiplied.</summary>
    /// <value>The default is <see cref="MiniLmPrecision.Float32"/>, the model as published (the service defaults to <see cref="MiniLmPrecision.Int8"/>).</value>
    public MiniLmPrecision Precision { get; set; } = MiniLmPrecision.Float32;

    /// <summary>
    /// Gets or sets the folder where the <see cref="MiniLmPrecision.Int8"/> model, made from the bundled one when it first
    /// loads, is kept for the next process (about 60 MB; a new process then loads it in about a third of the time);
    /// <see langword="null"/> keeps nothing.
    /// </summary>
    /// <value>The default is <c>Penchant/models</c> under the local application data folder, or <see langword="null"/> when there is none.</value>
    public string? ModelCacheDirectory { get; set; } = DefaultModelCacheDirectory();

    private static string? DefaultModelCacheDirectory()
    {
        string local = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
        return local.Length == 0 ? null : Path.Combine(local, "Penchant", "models");
    }
}
