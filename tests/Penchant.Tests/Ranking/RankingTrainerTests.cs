namespace Penchant.Ranking;

public sealed class RankingTrainerTests
{
    private const int Embedding = 4;

    [Fact]
    public void Train_CyclicPreferences_SkewHeadLearnsWhatBradleyTerryCannot()
    {
        // Arrange: three items, A ≻ B ≻ C ≻ A.
        float[][] items = [Item(0), Item(1), Item(2)];
        var samples = new List<PairSample>();
        for (int r = 0; r < 50; r++)
        {
            samples.Add(new PairSample(-1, items[0], items[1]));
            samples.Add(new PairSample(-1, items[1], items[2]));
            samples.Add(new PairSample(-1, items[2], items[0]));
        }

        var options = new TrainerOptions { Prototypes = 0, Epochs = 40, Seed = 1, CalibrationFraction = 0 };

        // Act
        (RewardModel bt, _) = RankingTrainer.Train(samples, 0, Embedding, options, TestContext.Current.CancellationToken);
        (RewardModel skew, _) = RankingTrainer.Train(samples, 0, Embedding, options with { SkewRank = 1 }, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(1.0, RankingMetrics.Accuracy(skew, null, samples));
        Assert.True(RankingMetrics.Accuracy(bt, null, samples) <= 0.67);
    }

    [Fact]
    public void Train_SameSeed_IsDeterministic()
    {
        var samples = new List<PairSample> { new(0, Item(0), Item(1)), new(1, Item(1), Item(0)), new(0, Item(2), Item(1), 3f), new(1, Item(1), Item(2), 1f, Tie: true) };
        var options = new TrainerOptions { Prototypes = 2, SkewRank = 1, Epochs = 5, Seed = 9 };

        byte[] first = RankingTrainer.Train(samples, 2, Embedding, options, TestContext.Current.CancellationToken).Model.ToBytes();
        byte[] second = RankingTrainer.Train(samples, 2, Embedding, options, TestContext.Current.CancellationToken).Model.ToBytes();

        Assert.Equal(first, second);
        Assert.Equal(first, RewardModel.FromBytes(first).ToBytes());
    }

    [Fact]
    public void Train_OppositeUsers_MixtureServesBoth()
    {
        // Arrange: user 0 prefers item 0 over item 1, user 1 the reverse.
        var samples = new List<PairSample>();
        for (int r = 0; r < 40; r++)
        {
            samples.Add(new PairSample(0, Item(0), Item(1)));
            samples.Add(new PairSample(1, Item(1), Item(0)));
        }

        // Act
        (RewardModel model, UserPart[] parts) = RankingTrainer.Train(samples, 2, Embedding, new TrainerOptions { Prototypes = 2, Epochs = 30, Seed = 2, CalibrationFraction = 0 }, TestContext.Current.CancellationToken);

        // Assert
        Assert.True(RankingTrainer.Logit(model, parts[0], Item(0), Item(1)) > 0);
        Assert.True(RankingTrainer.Logit(model, parts[1], Item(0), Item(1)) < 0);
    }

    [Fact]
    public void ExpectedCalibrationError_PerfectlyCalibrated_IsZeroAndOverconfidentIsNot()
    {
        double[] p = [0.75, 0.75, 0.75, 0.75];
        double[] calibrated = [1, 1, 1, 0];
        double[] wrong = [0, 0, 0, 1];

        Assert.Equal(0, Calibration.ExpectedCalibrationError(p, calibrated), 6);
        Assert.Equal(0.5, Calibration.ExpectedCalibrationError(p, wrong), 6);
    }

    [Fact]
    public void FitTemperature_OverconfidentLogits_RaisesTemperature()
    {
        double[] logits = [8, 8, 8, 8, -8, -8, -8, -8];
        double[] outcomes = [1, 1, 1, 0, 0, 0, 0, 1];

        Assert.True(Calibration.FitTemperature(logits, outcomes) > 4);
    }

    private static float[] Item(int which)
    {
        var features = new float[FeatureLayout.Dimensions(Embedding)];
        features[SurfaceFeatures.Count + which] = 1f;
        return features;
    }
}
