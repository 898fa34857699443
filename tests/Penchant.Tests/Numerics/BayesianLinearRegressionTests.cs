namespace Penchant.Numerics;

public sealed class BayesianLinearRegressionTests
{
    // Prior λ = 1; x₁ = (1, 0) with r = 2, x₂ = (1, 1) with r = 3: A = [[3, 1], [1, 2]], b = (5, 3),
    // A⁻¹ = [[2, −1], [−1, 3]] / 5, θ = A⁻¹ b = (1.4, 0.8).
    private static BayesianLinearRegression TwoObservations()
    {
        var model = new BayesianLinearRegression(2, 1.0);
        model.Update([1, 0], 2);
        model.Update([1, 1], 3);
        return model;
    }

    [Fact]
    public void Mean_TwoObservations_MatchesHandComputedRidgeSolution()
    {
        BayesianLinearRegression model = TwoObservations();

        Assert.Equal(1.4, model.Mean()[0], 12);
        Assert.Equal(0.8, model.Mean()[1], 12);
        Assert.Equal(2.2, model.Predict([1, 1]), 12);
        Assert.Equal(2, model.Count);
    }

    [Fact]
    public void Variance_TwoObservations_IsQuadraticFormOfInversePrecision()
    {
        BayesianLinearRegression model = TwoObservations();

        Assert.Equal(0.6, model.Variance([1, 1]), 12);
        Assert.Equal(0.4, model.Variance([1, 0]), 12);
    }

    [Fact]
    public void Update_WeightTwo_EqualsTwoUpdates()
    {
        var weighted = new BayesianLinearRegression(2, 0.5);
        weighted.Update([1, 2], 1.5, weight: 2);
        var repeated = new BayesianLinearRegression(2, 0.5);
        repeated.Update([1, 2], 1.5);
        repeated.Update([1, 2], 1.5);

        Assert.Equal(repeated.Mean()[0], weighted.Mean()[0], 12);
        Assert.Equal(repeated.Mean()[1], weighted.Mean()[1], 12);
        Assert.Equal(repeated.Variance([0.3, -1]), weighted.Variance([0.3, -1]), 12);
    }

    [Fact]
    public void WriteRead_RoundTrip_KeepsMeanVarianceAndCount()
    {
        BayesianLinearRegression model = TwoObservations();
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            model.Write(writer);
        }

        stream.Position = 0;
        using var reader = new BinaryReader(stream);
        BayesianLinearRegression read = BayesianLinearRegression.Read(reader);

        Assert.Equal(2, read.Count);
        Assert.Equal(1.4, read.Mean()[0], 12);
        Assert.Equal(0.6, read.Variance([1, 1]), 12);
    }

    [Fact]
    public void Sample_ManyDraws_HaveThePosteriorMeanAndVariance()
    {
        BayesianLinearRegression model = TwoObservations();
        var random = new Random(3);
        double[] draw = new double[2];
        const int N = 40_000;
        double sum = 0;
        double squares = 0;
        for (int i = 0; i < N; i++)
        {
            model.Sample(random, 0.5, draw);
            double projected = draw[0] + draw[1];
            sum += projected;
            squares += projected * projected;
        }

        double mean = sum / N;
        double variance = (squares / N) - (mean * mean);
        Assert.Equal(2.2, mean, 1);
        Assert.Equal(0.25 * 0.6, variance, 2);
    }

    [Fact]
    public void SampleDeviations_ManyColumns_HaveTheCovarianceOfThePosteriorFactorsInverse()
    {
        // Arrange: a model over 5 features with some history, so A⁻¹ has off-diagonal terms.
        var model = new BayesianLinearRegression(5, 1.0);
        var random = new Random(8);
        for (int i = 0; i < 40; i++)
        {
            double[] x = [.. Enumerable.Range(0, 5).Select(_ => random.NextDouble() - 0.3)];
            model.Update(x, random.NextDouble());
        }

        const int Draws = 30_000;
        double[] deviations = new double[5 * Draws];
        double[] direction = [1.0, -0.5, 0.25, 2.0, 0.0];

        // Act: the columns are the draws (row i holds every draw's i-th coordinate).
        model.SampleDeviations(new Random(9), deviations, Draws);

        // Assert: u·x has mean 0 and variance xᵀ A⁻¹ x (the model's own variance factor).
        double sum = 0;
        double squares = 0;
        for (int m = 0; m < Draws; m++)
        {
            double projected = 0;
            for (int i = 0; i < 5; i++)
            {
                projected += deviations[(i * Draws) + m] * direction[i];
            }

            sum += projected;
            squares += projected * projected;
        }

        double expected = model.Variance(direction);
        double mean = sum / Draws;
        Assert.InRange(mean, -4 * Math.Sqrt(expected / Draws), 4 * Math.Sqrt(expected / Draws));
        Assert.Equal(expected, (squares / Draws) - (mean * mean), expected * 0.05);
    }

    [Fact]
    public void Read_OtherBytes_ThrowsInvalidData()
    {
        using var stream = new MemoryStream([9, 0, 0, 0, 1]);
        using var reader = new BinaryReader(stream);

        Assert.Throws<InvalidDataException>(() => BayesianLinearRegression.Read(reader));
    }
}
