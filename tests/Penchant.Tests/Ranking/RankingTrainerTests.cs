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
    public void Train_BradleyTerry_RecoversAPlantedUtilityInEveryFeature()
    {
        // Arrange: random features and a planted utility with a weight on every feature, so the optimizer's vectorized
        // body and its remainder (23 features: not a multiple of any SIMD width) must both learn; labels drawn from it.
        var random = new Random(5);
        int d = FeatureLayout.Dimensions(Embedding);
        float[] planted = [.. Enumerable.Range(0, d).Select(i => (i % 2 == 0 ? 1f : -1f) * (0.5f + (i % 3 * 0.25f)))];
        var train = new List<PairSample>();
        var test = new List<PairSample>();
        for (int n = 0; n < 3000; n++)
        {
            float[] a = Gaussian(random, d), b = Gaussian(random, d);
            double advantage = System.Numerics.Tensors.TensorPrimitives.Dot(planted, a) - System.Numerics.Tensors.TensorPrimitives.Dot(planted, b);
            bool aWins = random.NextDouble() < RankingTrainer.Sigmoid(advantage);
            (n < 2500 ? train : test).Add(aWins ? new PairSample(-1, a, b) : new PairSample(-1, b, a));
        }

        var planting = new RewardModel(Embedding, 0, 0);
        planted.CopyTo(planting.Base, 0);

        // Act
        (RewardModel model, _) = RankingTrainer.Train(train, 0, Embedding, new TrainerOptions { Prototypes = 0, Epochs = 10, Seed = 3 }, TestContext.Current.CancellationToken);

        // Assert: the direction is recovered feature by feature, and held-out accuracy is close to the planted model's own.
        Assert.True(System.Numerics.Tensors.TensorPrimitives.CosineSimilarity(model.Base, planted) > 0.95);
        for (int i = 0; i < d; i++)
        {
            Assert.True(Math.Sign(model.Base[i]) == Math.Sign(planted[i]), $"feature {i}: learned {model.Base[i]}, planted {planted[i]}");
        }

        Assert.True(RankingMetrics.Accuracy(model, null, test) >= RankingMetrics.Accuracy(planting, null, test) - 0.03);
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

    private static float[] Gaussian(Random random, int length)
    {
        var values = new float[length];
        for (int i = 0; i < length; i++)
        {
            values[i] = (float)(Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2.0 * Math.PI * random.NextDouble()));
        }

        return values;
    }

    private static float[] Item(int which)
    {
        var features = new float[FeatureLayout.Dimensions(Embedding)];
        features[SurfaceFeatures.Count + which] = 1f;
        return features;
    }
}
