namespace Penchant.Numerics;

public sealed class MatrixProductsTests
{
    [Theory]
    [InlineData(5, 9, 64)]
    [InlineData(3, 4, 7)]
    [InlineData(1, 1, 1)]
    [InlineData(100, 32, 66)]
    public void MultiplyTransposed_AnyShape_EveryEntryIsTheDotProductOfItsRows(int n, int m, int d)
    {
        // Arrange
        var random = new Random(n * 1000 + m);
        double[] a = [.. Enumerable.Range(0, n * d).Select(_ => random.NextDouble() - 0.5)];
        double[] b = [.. Enumerable.Range(0, m * d).Select(_ => random.NextDouble() - 0.5)];
        double[] result = new double[n * m];

        // Act
        MatrixProducts.MultiplyTransposed(a, n, b, m, d, result);

        // Assert
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < m; j++)
            {
                double expected = 0;
                for (int k = 0; k < d; k++)
                {
                    expected += a[(i * d) + k] * b[(j * d) + k];
                }

                Assert.Equal(expected, result[(i * m) + j], 1e-10);
            }
        }
    }
}
