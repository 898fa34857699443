namespace Penchant.Numerics;

public sealed class CholeskyTests
{
    // A = L Lᵀ with L = [[2, 0, 0], [6, 1, 0], [-8, 5, 3]]; A x = b for x = (1, 2, 3).
    private static double[] Matrix() => [4, 12, -16, 12, 37, -43, -16, -43, 98];

    [Fact]
    public void Factor_HandComputed3x3_LeavesLowerTriangleOfL()
    {
        double[] a = Matrix();

        Cholesky.Factor(a, 3);

        Assert.Equal(2, a[0], 12);
        Assert.Equal(6, a[3], 12);
        Assert.Equal(1, a[4], 12);
        Assert.Equal(-8, a[6], 12);
        Assert.Equal(5, a[7], 12);
        Assert.Equal(3, a[8], 12);

        // The upper triangle is not written.
        Assert.Equal(12, a[1]);
        Assert.Equal(-16, a[2]);
        Assert.Equal(-43, a[5]);
    }

    [Fact]
    public void Solve_HandComputed3x3_ReturnsTheSolution()
    {
        double[] a = Matrix();
        double[] x = [-20, -43, 192];

        Cholesky.Factor(a, 3);
        Cholesky.Solve(a, x, 3);

        Assert.Equal(1, x[0], 10);
        Assert.Equal(2, x[1], 10);
        Assert.Equal(3, x[2], 10);
    }

    [Fact]
    public void InverseDiagonal_IsTheColumnOfTheInverse()
    {
        double[] a = Matrix();
        double[] factor = Matrix();
        Cholesky.Factor(factor, 3);
        var column = new double[3];

        for (int j = 0; j < 3; j++)
        {
            double entry = Cholesky.InverseDiagonal(factor, j, column, 3);

            // A times the j-th column of A⁻¹ is the j-th unit vector.
            for (int i = 0; i < 3; i++)
            {
                double product = (a[i * 3] * column[0]) + (a[(i * 3) + 1] * column[1]) + (a[(i * 3) + 2] * column[2]);
                Assert.Equal(i == j ? 1 : 0, product, 9);
            }

            Assert.Equal(column[j], entry);
        }

        // (A⁻¹)₂₂ = 1 / L₂₂² for the last entry.
        Assert.Equal(1.0 / 9, Cholesky.InverseDiagonal(factor, 2, column, 3), 12);
    }

    [Fact]
    public void Factor_SemiDefinite_RaisesTinyPivotInsteadOfNaN()
    {
        double[] a = [1, 1, 1, 1];

        Cholesky.Factor(a, 2);

        Assert.Equal(1, a[0]);
        Assert.Equal(1, a[2]);
        Assert.Equal(1e-6, a[3], 12);
    }
}
