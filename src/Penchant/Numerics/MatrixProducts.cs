using System.Numerics;
using System.Runtime.InteropServices;

namespace Penchant.Numerics;

/// <summary>Products of small row-major matrices whose left factor is mostly zeros (hashed feature vectors), and the scaled row addition they are made of.</summary>
/// <remarks>Allocation-free; the caller owns the buffers.</remarks>
internal static class MatrixProducts
{
    /// <summary>
    /// Fills <c>result = A B</c> for A of <paramref name="n"/> × <paramref name="d"/> and B of <paramref name="d"/> ×
    /// <paramref name="m"/> (both row-major): each row of the result is a sum of rows of B weighted by the row of A, and the
    /// zeros of A (hashed feature vectors are mostly zeros) cost nothing.
    /// </summary>
    /// <param name="a">A, n × d, row-major.</param>
    /// <param name="n">The number of rows of A.</param>
    /// <param name="d">The number of columns of A (rows of B).</param>
    /// <param name="b">B, d × m, row-major.</param>
    /// <param name="m">The number of columns of B.</param>
    /// <param name="result">Receives A B, n × m, row-major.</param>
    public static void Multiply(ReadOnlySpan<double> a, int n, int d, ReadOnlySpan<double> b, int m, Span<double> result)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(a.Length, n * d);
        ArgumentOutOfRangeException.ThrowIfLessThan(b.Length, d * m);
        ArgumentOutOfRangeException.ThrowIfLessThan(result.Length, n * m);
        for (int i = 0; i < n; i++)
        {
            Span<double> row = result.Slice(i * m, m);
            row.Clear();
            ReadOnlySpan<double> weights = a.Slice(i * d, d);
            for (int k = 0; k < d; k++)
            {
                if (weights[k] != 0.0)
                {
                    AddScaled(row, weights[k], b.Slice(k * m, m));
                }
            }
        }
    }

    /// <summary>y += α x, element by element (inlined vector loop: the spans are short, a library call per row would cost more than the row).</summary>
    /// <param name="y">The destination.</param>
    /// <param name="alpha">The scale.</param>
    /// <param name="x">The scaled addend, as long as <paramref name="y"/>.</param>
    public static void AddScaled(Span<double> y, double alpha, ReadOnlySpan<double> x)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated && y.Length >= Vector<double>.Count)
        {
            Span<Vector<double>> yv = MemoryMarshal.Cast<double, Vector<double>>(y);
            ReadOnlySpan<Vector<double>> xv = MemoryMarshal.Cast<double, Vector<double>>(x[..y.Length]);
            var scale = new Vector<double>(alpha);
            for (int c = 0; c < yv.Length; c++)
            {
                yv[c] += scale * xv[c];
            }

            i = yv.Length * Vector<double>.Count;
        }

        for (; i < y.Length; i++)
        {
            y[i] += alpha * x[i];
        }
    }
}
