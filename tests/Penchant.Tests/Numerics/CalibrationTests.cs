namespace Penchant.Numerics;

public sealed class CalibrationTests
{
    [Fact]
    public void ExpectedCalibrationError_HandComputed()
    {
        // Bins of 0.1: (0.1 → outcome 0) and (0.9 → outcome 1) are each 0.1 off; the bin of 0.55 and 0.55 (outcomes 1 and 0) is 0.1 off.
        double ece = Calibration.ExpectedCalibrationError([0.1, 0.9, 0.55, 0.55], [0, 1, 1, 0]);

        Assert.Equal((0.1 + 0.1 + (2 * 0.05)) / 4, ece, 12);
    }

    [Fact]
    public void ExpectedCalibrationError_LengthsDiffer_Throws()
    {
        Assert.Throws<ArgumentException>("outcomes", () => Calibration.ExpectedCalibrationError([0.5], [1, 0]));
    }

    [Fact]
    public void FitTemperature_OverconfidentLogits_FindsTheirScale()
    {
        // Outcomes drawn from σ(z); the logits given are 3z, so the best temperature is about 3.
        var random = new Random(21);
        var logits = new List<double>();
        var outcomes = new List<double>();
        for (int i = 0; i < 20000; i++)
        {
            double z = (random.NextDouble() * 6) - 3;
            logits.Add(3 * z);
            outcomes.Add(random.NextDouble() < Logistic.Sigmoid(z) ? 1 : 0);
        }

        double temperature = Calibration.FitTemperature(logits, outcomes);

        Assert.InRange(temperature, 2.7, 3.3);
        Assert.Equal(1.0, Calibration.FitTemperature([], []));
    }

    [Fact]
    public void FitShare_NoisePart_IsShrunkAndSignalPartKept()
    {
        var random = new Random(4);
        var kept = new List<double>();
        var scaled = new List<double>();
        var outcomes = new List<double>();
        for (int i = 0; i < 5000; i++)
        {
            double signal = (random.NextDouble() * 4) - 2;
            kept.Add(signal);
            scaled.Add((random.NextDouble() * 4) - 2);
            outcomes.Add(random.NextDouble() < Logistic.Sigmoid(signal) ? 1 : 0);
        }

        Assert.True(Calibration.FitShare(kept, scaled, outcomes) < 0.2);
        Assert.True(Calibration.FitShare(scaled, kept, outcomes) > 0.8);
    }

    [Fact]
    public void FitPlatt_OverconfidentShiftedLogits_FindsSlopeAndIntercept()
    {
        // Outcomes drawn from σ(z); the scores given are 2z + 1, so Platt scaling should find about a = 0.5, b = −0.5.
        var random = new Random(8);
        var scores = new List<double>();
        var outcomes = new List<double>();
        for (int i = 0; i < 20000; i++)
        {
            double z = (random.NextDouble() * 6) - 3;
            scores.Add((2 * z) + 1);
            outcomes.Add(random.NextDouble() < Logistic.Sigmoid(z) ? 1 : 0);
        }

        (double slope, double intercept) = Calibration.FitPlatt(scores, outcomes);

        Assert.Equal(0.5, slope, 0.05);
        Assert.Equal(-0.5, intercept, 0.08);
        Assert.Equal((1.0, 0.0), Calibration.FitPlatt([], []));
    }

    [Fact]
    public void Reliability_BinsPredictionsWithTheirOutcomes()
    {
        IReadOnlyList<ReliabilityBin> bins = Calibration.Reliability([0.05, 0.15, 0.95, 0.91, 1.0], [0, 1, 1, 0, 1], bins: 10);

        Assert.Equal(10, bins.Count);
        Assert.Equal(new ReliabilityBin(0.0, 0.1, 1, 0.05, 0), bins[0]);
        Assert.Equal(1, bins[1].Count);
        Assert.Equal(0, bins[5].Count);
        Assert.Equal(3, bins[9].Count);
        Assert.Equal((0.95 + 0.91 + 1.0) / 3, bins[9].MeanProbability, 12);
        Assert.Equal(2.0 / 3, bins[9].Observed, 12);
    }
}
