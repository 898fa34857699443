using Penchant.Numerics;
using Penchant.Ranking;
namespace Penchant.Learning.Ranking;

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
    public void Train_OppositeContentTastes_FullWidthMixtureServesBoth()
    {
        // Arrange: user 0 prefers item 0 over item 1, user 1 the reverse; the items differ only in their embeddings.
        var samples = new List<PairSample>();
        for (int r = 0; r < 40; r++)
        {
            samples.Add(new PairSample(0, Item(0), Item(1)));
            samples.Add(new PairSample(1, Item(1), Item(0)));
        }

        // Act
        var options = new TrainerOptions { Prototypes = 2, Epochs = 30, Seed = 2, CalibrationFraction = 0, SurfacePrototypes = false };
        (RewardModel model, UserPart[] parts) = RankingTrainer.Train(samples, 2, Embedding, options, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(model.Dimensions, model.PrototypeDimensions);
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
    public void Train_OppositeStyleTastes_SurfaceMixtureServesBothAndANewUserIsPlacedFromAFewComparisons()
    {
        // Arrange: users 0–3 like long answers, users 4–7 short ones; the comparisons are noisy (one in five flipped)
        // and the responses' embeddings are random, so only the length factor carries the taste.
        var random = new Random(5);
        var samples = new List<PairSample>();
        for (int u = 0; u < 8; u++)
        {
            for (int r = 0; r < 30; r++)
            {
                samples.Add(StyleComparison(u, likesLong: u < 4, random));
            }
        }

        // Act
        (RewardModel model, UserPart[] parts) = RankingTrainer.Train(samples, 8, Embedding, new TrainerOptions { Prototypes = 2, Epochs = 20, Seed = 3 }, TestContext.Current.CancellationToken);
        var newcomer = UserPart.FromPrior(model);
        RankingTrainer.FitUser(model, newcomer, [.. Enumerable.Range(0, 6).Select(_ => StyleComparison(0, likesLong: false, random))], epochs: 0);

        // Assert: prototypes read the surface factors only; each user, and the newcomer, prefers their kind of answer.
        Assert.Equal(SurfaceFeatures.Count, model.PrototypeDimensions);
        float[] longer = Styled(1.5f, random), shorter = Styled(0.5f, random);
        for (int u = 0; u < 8; u++)
        {
            Assert.Equal(u < 4, RankingTrainer.Logit(model, parts[u], longer, shorter) > 0);
        }

        Assert.True(RankingTrainer.Logit(model, newcomer, longer, shorter) < 0);
        Span<float> alpha = stackalloc float[2];
        model.Mixture(newcomer, alpha);
        Assert.True(Math.Max(alpha[0], alpha[1]) > 0.9, $"mixture {alpha[0]:0.00}/{alpha[1]:0.00}");
    }

    [Fact]
    public void Train_UsersAlikeWithinTheirTaste_BiasPriorKeepsANewUsersBiasAtZero()
    {
        // Arrange: two tastes whose users are alike (length only, one in five flipped), and a newcomer's few comparisons.
        var random = new Random(6);
        var samples = new List<PairSample>();
        for (int u = 0; u < 8; u++)
        {
            for (int r = 0; r < 30; r++)
            {
                samples.Add(StyleComparison(u, likesLong: u < 4, random));
            }
        }

        (RewardModel model, _) = RankingTrainer.Train(samples, 8, Embedding, new TrainerOptions { Prototypes = 2, Epochs = 20, Seed = 3 }, TestContext.Current.CancellationToken);
        PairSample[] mine = [.. Enumerable.Range(0, 6).Select(_ => StyleComparison(0, likesLong: false, random))];

        // Act: the newcomer fitted with the model's prior, and with no prior.
        UserPart withPrior = UserPart.FromPrior(model);
        RankingTrainer.FitUser(model, withPrior, mine);
        RewardModel noPrior = RewardModel.FromBytes(model.ToBytes());
        Array.Clear(noPrior.BiasPrecision);
        UserPart without = UserPart.FromPrior(noPrior);
        RankingTrainer.FitUser(noPrior, without, mine);

        // Assert: the spread of the users' biases is all noise, so the prior holds the newcomer's bias (which moves without it).
        Assert.True(model.BiasPrecision[SurfaceFeatures.Length] > 100, $"precision {model.BiasPrecision[SurfaceFeatures.Length]}");
        Assert.True(Math.Abs(withPrior.SurfaceBias[SurfaceFeatures.Length]) < 0.01, $"bias {withPrior.SurfaceBias[SurfaceFeatures.Length]}");
        Assert.True(Math.Abs(without.SurfaceBias[SurfaceFeatures.Length]) > 0.05, $"bias {without.SurfaceBias[SurfaceFeatures.Length]}");
    }

    [Fact]
    public void FitShare_SignalIsKeptAndNoiseIsDropped()
    {
        // Arrange: outcomes that follow the scaled part, and outcomes that don't.
        var random = new Random(3);
        double[] kept = [.. Enumerable.Range(0, 400).Select(_ => 0.0)];
        double[] scaled = [.. Enumerable.Range(0, 400).Select(_ => (random.NextDouble() * 4) - 2)];
        double[] following = [.. scaled.Select(z => random.NextDouble() < RankingTrainer.Sigmoid(z) ? 1.0 : 0.0)];
        double[] unrelated = [.. scaled.Select(_ => random.NextDouble() < 0.5 ? 1.0 : 0.0)];

        // Act
        double signal = Calibration.FitShare(kept, scaled, following);
        double noise = Calibration.FitShare(kept, scaled, unrelated);

        // Assert
        Assert.True(signal > 0.7, $"share {signal:0.00}");
        Assert.True(noise < 0.2, $"share {noise:0.00}");
        Assert.Throws<ArgumentException>(() => Calibration.FitShare(kept, scaled, [1.0]));
    }

    [Fact]
    public void FromBytes_FormatTwoModel_ReadsWithNoBiasPriorAndRoundTripsIt()
    {
        // Arrange: a current model with a bias prior, and the same payload as format 2 wrote it (no bias precision).
        var model = new RewardModel(Embedding, 2, 0);
        model.BiasPrecision[SurfaceFeatures.Length] = 42f;
        model.Prototypes[1][SurfaceFeatures.Length] = 1.5f;
        byte[] current = model.ToBytes();
        byte[] formatTwo = current[..^(SurfaceFeatures.Count * sizeof(float))];
        BitConverter.GetBytes(2).CopyTo(formatTwo, 0);

        // Act
        RewardModel again = RewardModel.FromBytes(current);
        RewardModel old = RewardModel.FromBytes(formatTwo);

        // Assert
        Assert.Equal(42f, again.BiasPrecision[SurfaceFeatures.Length]);
        Assert.All(old.BiasPrecision, static p => Assert.Equal(0f, p));
        Assert.Equal(1.5f, old.Prototypes[1][SurfaceFeatures.Length]);
        Assert.Throws<PenchantException>(() => RewardModel.FromBytes(current[..^4]));
    }

    [Fact]
    public void FitUser_TwoBatches_AccumulateEvidenceAsOneBatchDoes()
    {
        // Arrange: a trained two-taste model and a user's comparisons, seen in two online batches or at once.
        var random = new Random(8);
        var samples = new List<PairSample>();
        for (int u = 0; u < 4; u++)
        {
            for (int r = 0; r < 20; r++)
            {
                samples.Add(StyleComparison(u, likesLong: u < 2, random));
            }
        }

        (RewardModel model, _) = RankingTrainer.Train(samples, 4, Embedding, new TrainerOptions { Prototypes = 2, Epochs = 10, Seed = 4 }, TestContext.Current.CancellationToken);
        PairSample[] mine = [StyleComparison(0, likesLong: true, random), StyleComparison(0, likesLong: true, random)];
        UserPart once = UserPart.FromPrior(model), twice = UserPart.FromPrior(model);

        // Act
        RankingTrainer.FitUser(model, once, mine, epochs: 0);
        RankingTrainer.FitUser(model, twice, mine[..1], epochs: 0);
        RankingTrainer.FitUser(model, twice, mine[1..], epochs: 0);

        // Assert: the same posterior (logits up to a constant), and it moved away from the prior.
        Assert.Equal(once.Logits[0] - once.Logits[1], twice.Logits[0] - twice.Logits[1], 4);
        Assert.NotEqual(model.PriorLogits[0] - model.PriorLogits[1], once.Logits[0] - once.Logits[1], 2);
    }

    [Fact]
    public void FromBytes_FormatOneModel_ReadsWithPrototypesOverAllFeatures()
    {
        // Arrange: a payload as version 1 wrote it (prototypes as wide as the features, no width field).
        int dimensions = FeatureLayout.Dimensions(Embedding);
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream))
        {
            writer.Write(1);
            writer.Write(Embedding);
            writer.Write(1); // prototypes
            writer.Write(0); // skew rank
            writer.Write(10);
            writer.Write(2);
            writer.Write(1.0);
            for (int i = 0; i < dimensions; i++)
            {
                writer.Write(0f); // base
            }

            for (int i = 0; i < dimensions; i++)
            {
                writer.Write(i == SurfaceFeatures.Count ? 2f : 0f); // the prototype rewards the first embedding component
            }

            writer.Write(0f); // prior logit
        }

        // Act
        RewardModel model = RewardModel.FromBytes(stream.ToArray());

        // Assert: the embedding part of the old prototype still counts, and it is written back in the current format.
        Assert.Equal(dimensions, model.PrototypeDimensions);
        Assert.Equal(2.0, model.Reward(Item(0), null), 6);
        RewardModel again = RewardModel.FromBytes(model.ToBytes());
        Assert.Equal(2.0, again.Reward(Item(0), null), 6);
    }

    [Fact]
    public void FromBytes_PrototypeWidthOutOfRange_Throws()
    {
        byte[] bytes = new RewardModel(Embedding, 1, 0).ToBytes();
        BitConverter.GetBytes(FeatureLayout.Dimensions(Embedding) + 1).CopyTo(bytes, 16); // the width follows four ints

        Assert.Throws<PenchantException>(() => RewardModel.FromBytes(bytes));
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

    /// <summary>A comparison of a longer and a shorter response (random embeddings) judged by length, one in five flipped.</summary>
    private static PairSample StyleComparison(int user, bool likesLong, Random random)
    {
        float[] longer = Styled(1.2f + random.NextSingle(), random), shorter = Styled(0.2f + random.NextSingle(), random);
        bool flipped = random.NextDouble() < 0.2;
        return likesLong != flipped ? new PairSample(user, longer, shorter) : new PairSample(user, shorter, longer);
    }

    private static float[] Styled(float length, Random random)
    {
        var features = new float[FeatureLayout.Dimensions(Embedding)];
        features[SurfaceFeatures.Length] = length;
        for (int i = SurfaceFeatures.Count; i < features.Length; i++)
        {
            features[i] = random.NextSingle() - 0.5f;
        }

        return features;
    }

    private static float[] Item(int which)
    {
        var features = new float[FeatureLayout.Dimensions(Embedding)];
        features[SurfaceFeatures.Count + which] = 1f;
        return features;
    }
}
