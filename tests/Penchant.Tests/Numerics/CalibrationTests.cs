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
}
