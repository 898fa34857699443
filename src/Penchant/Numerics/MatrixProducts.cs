using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace Penchant.Numerics;

/// <summary>Products of small dense row-major matrices: every row of one with every row of another (A Bᵀ).</summary>
/// <remarks>Allocation-free; the caller owns the buffers.</remarks>
internal static class MatrixProducts
{
    /// <summary>
    /// Fills <c>result[i × m + j] = a_i · b_j</c> for the <paramref name="n"/> rows of <paramref name="a"/> and the
    /// <paramref name="m"/> rows of <paramref name="b"/>, each of length <paramref name="d"/>: A Bᵀ, four rows of B at a time
    /// so each chunk of a row of A is loaded once for four dot products.
    /// </summary>
    /// <param name="a">A, n × d, row-major.</param>
    /// <param name="n">The number of rows of A.</param>
    /// <param name="b">B, m × d, row-major.</param>
    /// <param name="m">The number of rows of B.</param>
    /// <param name="d">The length of every row.</param>
    /// <param name="result">Receives A Bᵀ, n × m, row-major.</param>
    public static void MultiplyTransposed(ReadOnlySpan<double> a, int n, ReadOnlySpan<double> b, int m, int d, Span<double> result)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(a.Length, n * d);
        ArgumentOutOfRangeException.ThrowIfLessThan(b.Length, m * d);
        ArgumentOutOfRangeException.ThrowIfLessThan(result.Length, n * m);
        int width = Vector<double>.Count;
        int vectorEnd = Vector.IsHardwareAccelerated ? d - (d % width) : 0;
        for (int i = 0; i < n; i++)
        {
            ReadOnlySpan<double> row = a.Slice(i * d, d);
            ReadOnlySpan<Vector<double>> rowVectors = MemoryMarshal.Cast<double, Vector<double>>(row[..vectorEnd]);
            int j = 0;
            for (; j + 4 <= m; j += 4)
            {
                ReadOnlySpan<double> b0 = b.Slice(j * d, d);
                ReadOnlySpan<double> b1 = b.Slice((j + 1) * d, d);
                ReadOnlySpan<double> b2 = b.Slice((j + 2) * d, d);
                ReadOnlySpan<double> b3 = b.Slice((j + 3) * d, d);
                ReadOnlySpan<Vector<double>> v0 = MemoryMarshal.Cast<double, Vector<double>>(b0[..vectorEnd]);
                ReadOnlySpan<Vector<double>> v1 = MemoryMarshal.Cast<double, Vector<double>>(b1[..vectorEnd]);
                ReadOnlySpan<Vector<double>> v2 = MemoryMarshal.Cast<double, Vector<double>>(b2[..vectorEnd]);
                ReadOnlySpan<Vector<double>> v3 = MemoryMarshal.Cast<double, Vector<double>>(b3[..vectorEnd]);
                Vector<double> s0 = Vector<double>.Zero, s1 = Vector<double>.Zero, s2 = Vector<double>.Zero, s3 = Vector<double>.Zero;
                for (int c = 0; c < rowVectors.Length; c++)
                {
                    Vector<double> x = rowVectors[c];
                    s0 += x * v0[c];
                    s1 += x * v1[c];
                    s2 += x * v2[c];
                    s3 += x * v3[c];
                }

                double r0 = Vector.Sum(s0), r1 = Vector.Sum(s1), r2 = Vector.Sum(s2), r3 = Vector.Sum(s3);
                for (int k = vectorEnd; k < d; k++)
                {
                    r0 += row[k] * b0[k];
                    r1 += row[k] * b1[k];
                    r2 += row[k] * b2[k];
                    r3 += row[k] * b3[k];
                }

                Span<double> into = result.Slice((i * m) + j, 4);
                into[0] = r0;
                into[1] = r1;
                into[2] = r2;
                into[3] = r3;
            }

            for (; j < m; j++)
            {
                result[(i * m) + j] = TensorPrimitives.Dot(row, b.Slice(j * d, d));
            }
        }
    }

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
