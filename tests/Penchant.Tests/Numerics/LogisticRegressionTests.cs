namespace Penchant.Numerics;

public sealed class LogisticRegressionTests
{
    [Fact]
    public void Fit_DataDrawnFromAKnownModel_RecoversItsWeights()
    {
        // Outcomes drawn from σ(−1 + 2·x₀ − 0.5·x₁).
        var random = new Random(5);
        var x = new List<double[]>();
        var y = new List<double>();
        for (int i = 0; i < 20000; i++)
        {
            double[] row = [(random.NextDouble() * 4) - 2, (random.NextDouble() * 4) - 2];
            x.Add(row);
            y.Add(random.NextDouble() < Logistic.Sigmoid(-1 + (2 * row[0]) - (0.5 * row[1])) ? 1 : 0);
        }

        (double[] w, double b) = LogisticRegression.Fit(x, y, l2: 0);

        Assert.Equal(2.0, w[0], 0.15);
        Assert.Equal(-0.5, w[1], 0.1);
        Assert.Equal(-1.0, b, 0.1);
    }

    [Fact]
    public void Fit_SeparableData_StaysFiniteWithAPenalty()
    {
        double[][] x = [[-1.0], [-0.5], [0.5], [1.0]];
        double[] y = [0, 0, 1, 1];

        (double[] w, double b) = LogisticRegression.Fit(x, y, l2: 0.01);

        Assert.True(double.IsFinite(w[0]) && w[0] > 0);
        Assert.Equal(0.0, b, 1e-6);
    }

    [Fact]
    public void Fit_RowsOfDifferentLengths_Throws()
    {
        Assert.Throws<ArgumentException>("x", () => LogisticRegression.Fit([[1.0], [1.0, 2.0]], [0, 1], 0.01));
        Assert.Throws<ArgumentException>("y", () => LogisticRegression.Fit([[1.0]], [0, 1], 0.01));
    }
}
