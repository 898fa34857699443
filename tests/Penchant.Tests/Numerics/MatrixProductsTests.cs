namespace Penchant.Numerics;

public sealed class MatrixProductsTests
{
    [Theory]
    [InlineData(5, 64, 9)]
    [InlineData(3, 7, 4)]
    [InlineData(1, 1, 1)]
    [InlineData(100, 66, 32)]
    public void Multiply_AnyShapeWithZeros_EveryEntryIsTheRowTimesTheColumn(int n, int d, int m)
    {
        // Arrange: A is half zeros, as hashed feature vectors are.
        var random = new Random((n * 1000) + m);
        double[] a = [.. Enumerable.Range(0, n * d).Select(_ => random.NextDouble() < 0.5 ? 0.0 : random.NextDouble() - 0.5)];
        double[] b = [.. Enumerable.Range(0, d * m).Select(_ => random.NextDouble() - 0.5)];
        double[] result = [.. Enumerable.Repeat(double.NaN, n * m)];

        // Act
        MatrixProducts.Multiply(a, n, d, b, m, result);

        // Assert
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < m; j++)
            {
                double expected = 0;
                for (int k = 0; k < d; k++)
                {
                    expected += a[(i * d) + k] * b[(k * m) + j];
                }

                Assert.Equal(expected, result[(i * m) + j], 1e-10);
            }
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(33)]
    public void AddScaled_AnyLength_AddsTheScaledVectorToEveryElement(int length)
    {
        double[] y = [.. Enumerable.Range(0, length).Select(static i => i * 0.5)];
        double[] x = [.. Enumerable.Range(0, length).Select(static i => 1.0 - i)];

        MatrixProducts.AddScaled(y, -2.0, x);

        Assert.Equal(Enumerable.Range(0, length).Select(static i => (i * 0.5) - (2.0 * (1.0 - i))), y);
    }
}
