using Penchant.Numerics;

namespace Penchant.Selecting;

public sealed class GateTrainerTests
{
    [Fact]
    public void Fit_LabelsThatFollowTheLead_WeighsTheLeadAndIsCalibrated()
    {
        // Cases of 8 pairs; a pair applies with probability σ(3·lead − 1), whatever its raw similarity.
        var random = new Random(3);
        var examples = new List<GateExample>();
        for (int c = 0; c < 400; c++)
        {
            for (int k = 0; k < 8; k++)
            {
                var f = new GateFeatures { Lead = (random.NextDouble() * 4) - 3, TextSimilarity = random.NextDouble(), Strength = 1 };
                examples.Add(new GateExample(f, random.NextDouble() < Logistic.Sigmoid((3 * f.Lead) - 1), c));
            }
        }

        GateFit fit = GateTrainer.Fit(examples);

        int lead = Array.IndexOf(GateFeatures.Names, "lead");
        int text = Array.IndexOf(GateFeatures.Names, "text_similarity");
        Assert.InRange(fit.Model.Weights[lead], 2.0, 4.0);
        Assert.InRange(Math.Abs(fit.Model.Weights[text]), 0, 0.6);
        Assert.InRange(Calibration.ExpectedCalibrationError(fit.OutOfFold, fit.Outcomes), 0, 0.05);
        Assert.InRange(fit.Model.Threshold, 0.05, 0.95);
    }

    [Fact]
    public void Fit_VetoedPairs_AreLeftOut()
    {
        var examples = new List<GateExample>();
        for (int i = 0; i < 40; i++)
        {
            examples.Add(new GateExample(new GateFeatures { Lead = i % 2 == 0 ? 1 : -1 }, i % 2 == 0, i));
        }

        examples.Add(new GateExample(new GateFeatures { Lead = 1, Overridden = 1 }, false, 99));

        Assert.Equal(40, GateTrainer.Fit(examples).Outcomes.Count);
    }

    [Fact]
    public void Fit_OneLabelOnly_Throws()
    {
        GateExample[] examples = [new(new GateFeatures { Lead = 1 }, true, 0), new(new GateFeatures { Lead = 2 }, true, 1)];

        Assert.Throws<ArgumentException>("examples", () => GateTrainer.Fit(examples));
    }

    [Fact]
    public void BestThreshold_SeparatedProbabilities_CutsBetweenThem()
    {
        double t = GateTrainer.BestThreshold([0.1, 0.2, 0.3, 0.7, 0.8], [0, 0, 0, 1, 1]);

        Assert.InRange(t, 0.31, 0.7);
    }
}
