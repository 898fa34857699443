using Penchant.Benchmarks.Corpus;
using Penchant.Learning.Ranking;
using Penchant.Ranking;

namespace Penchant.Benchmarks;

/// <summary>
/// Writes <see cref="ComparisonCorpus"/>'s comparisons as a logistic-regression problem for <c>benchmarks/sklearn</c>:
/// the population Bradley–Terry model on the difference <c>x = φ(preferred) − φ(rejected)</c> is a logistic regression
/// without intercept on <c>(x, 1)</c>; every other row is written as <c>(−x, 0)</c> so both classes occur.
/// </summary>
/// <remarks>
/// Format (little-endian): the magic <c>PNCHLR01</c>, int32 rows, int32 columns, int32 training rows; then all rows'
/// features as float32, row-major; then all labels as one byte each. The first training rows are the 100,000 training
/// comparisons, the rest the test comparisons.
/// </remarks>
internal static class FeatureExport
{
    /// <summary>Writes the file.</summary>
    /// <param name="path">The file to write.</param>
    /// <param name="cancellationToken">Cancels loading the corpus.</param>
    /// <returns>The number of rows and columns written.</returns>
    public static async Task<(int Rows, int Columns)> WriteAsync(string path, CancellationToken cancellationToken)
    {
        ComparisonCorpus corpus;
        using (var services = BenchmarkHost.Create())
        {
            corpus = await ComparisonCorpus.LoadAsync(BenchmarkHost.Embeddings(services), cancellationToken);
        }

        int columns = FeatureLayout.Dimensions(corpus.EmbeddingDimensions);
        PairSample[] rows = [.. corpus.Train, .. corpus.Test];
        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        var difference = new float[columns];
        var labels = new byte[rows.Length];
        await using (var writer = new BinaryWriter(File.Create(path)))
        {
            writer.Write("PNCHLR01"u8);
            writer.Write(rows.Length);
            writer.Write(columns);
            writer.Write(corpus.Train.Count);
            for (int i = 0; i < rows.Length; i++)
            {
                bool flip = (i & 1) == 1;
                System.Numerics.Tensors.TensorPrimitives.Subtract(
                    flip ? rows[i].Rejected : rows[i].Preferred, flip ? rows[i].Preferred : rows[i].Rejected, difference);
                writer.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(difference.AsSpan()));
                labels[i] = flip ? (byte)0 : (byte)1;
            }

            writer.Write(labels);
        }

        return (rows.Length, columns);
    }
}
