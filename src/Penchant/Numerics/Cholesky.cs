namespace Penchant.Numerics;

/// <summary>
/// The Cholesky factorisation of a small symmetric positive definite matrix, stored row-major in a span of
/// <c>n × n</c> values, and the solves that use it (Newton steps of the ranking model's per-user fits).
/// </summary>
/// <remarks>Allocation-free; the caller owns the buffers. Only the lower triangle is read and written.</remarks>
internal static class Cholesky
{
    /// <summary>Overwrites the lower triangle of a symmetric positive definite A with its Cholesky factor L (A = L Lᵀ).</summary>
    /// <remarks>A pivot below 10⁻¹² is raised to it, so a matrix that is only semi-definite still factors.</remarks>
    /// <param name="a">The matrix, row-major; only its lower triangle is read.</param>
    /// <param name="n">The order of the matrix.</param>
    public static void Factor(Span<double> a, int n)
    {
        for (int j = 0; j < n; j++)
        {
            double d = a[(j * n) + j];
            for (int k = 0; k < j; k++)
            {
                d -= a[(j * n) + k] * a[(j * n) + k];
            }

            a[(j * n) + j] = Math.Sqrt(Math.Max(d, 1e-12));
            for (int i = j + 1; i < n; i++)
            {
                double v = a[(i * n) + j];
                for (int k = 0; k < j; k++)
                {
                    v -= a[(i * n) + k] * a[(j * n) + k];
                }

                a[(i * n) + j] = v / a[(j * n) + j];
            }
        }
    }

    /// <summary>Solves <c>L Lᵀ x = b</c> in place (b becomes x) for the Cholesky factor L left by <see cref="Factor"/>.</summary>
    /// <param name="factor">The factor, row-major, in the lower triangle.</param>
    /// <param name="x">The right-hand side on entry, the solution on return.</param>
    /// <param name="n">The order of the matrix.</param>
    public static void Solve(ReadOnlySpan<double> factor, Span<double> x, int n)
    {
        for (int i = 0; i < n; i++)
        {
            double v = x[i];
            for (int k = 0; k < i; k++)
            {
                v -= factor[(i * n) + k] * x[k];
            }

            x[i] = v / factor[(i * n) + i];
        }

        for (int i = n - 1; i >= 0; i--)
        {
            double v = x[i];
            for (int k = i + 1; k < n; k++)
            {
                v -= factor[(k * n) + i] * x[k];
            }

            x[i] = v / factor[(i * n) + i];
        }
    }

    /// <summary>
    /// Gets one diagonal entry of the inverse of A, <c>(A⁻¹)ⱼⱼ</c>, from its Cholesky factor: the variance of the j-th
    /// estimate when A is the Hessian of a fit.
    /// </summary>
    /// <param name="factor">The factor left by <see cref="Factor"/>.</param>
    /// <param name="j">The index of the entry.</param>
    /// <param name="column">Scratch room for <paramref name="n"/> values; it holds the j-th column of A⁻¹ on return.</param>
    /// <param name="n">The order of the matrix.</param>
    /// <returns>The entry.</returns>
    public static double InverseDiagonal(ReadOnlySpan<double> factor, int j, Span<double> column, int n)
    {
        column.Clear();
        column[j] = 1;
        Solve(factor, column, n);
        return column[j];
    }
}
