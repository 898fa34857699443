using Penchant.Ranking;
namespace Penchant.Learning.Ranking;

public sealed class PrototypeSeedingTests
{
    private const int Embedding = 4;

    /// <summary>The planted strength of each taste on its factor (a logit per unit of the factor).</summary>
    private const float Strength = 6f;

    [Fact]
    public void Train_TastesOnTwoOfManySmallFactors_PrototypesKeepMostOfTheirStrength()
    {
        // Arrange: four tastes (more and less of length, more and less of formality) over fourteen surface factors that
        // are all small numbers (spread 0.3, like real ones); labels are drawn from each taste's Bradley–Terry model.
        var random = new Random(11);
        (int Factor, int Sign)[] tastes = [(SurfaceFeatures.Length, 1), (SurfaceFeatures.Length, -1), (SurfaceFeatures.Formality, 1), (SurfaceFeatures.Formality, -1)];
        var samples = new List<PairSample>();
        for (int u = 0; u < 16; u++)
        {
            for (int r = 0; r < 30; r++)
            {
                samples.Add(Comparison(u, tastes[u % 4], random));
            }
        }

        // Act
        (RewardModel model, UserPart[] parts) = RankingTrainer.Train(samples, 16, Embedding, new TrainerOptions { Prototypes = 4, Epochs = 10, Seed = 5 }, TestContext.Current.CancellationToken);

        // Assert: each taste's users hold a prototype that (with the base) keeps most of the planted strength on the
        // taste's factor (one ridge for all factors kept 0.42 to 0.55 of it here; a precision fitted per factor 0.69 to 0.92).
        Span<float> alpha = stackalloc float[4];
        double total = 0;
        for (int u = 0; u < 4; u++)
        {
            model.Mixture(parts[u], alpha);
            int k = alpha.IndexOf(System.Numerics.Tensors.TensorPrimitives.Max(alpha));
            (int factor, int sign) = tastes[u];
            double strength = sign * (model.Base[factor] + model.Prototypes[k][factor]) / Strength;
            Assert.True(strength > 0.6, $"taste {u}: {strength:0.00} of the planted strength");
            total += strength;
        }

        Assert.True(total / 4 > 0.75, $"mean {total / 4:0.00} of the planted strength");
    }

    [Fact]
    public void Train_TwoTastesAndFourPrototypes_KeepsTwo()
    {
        // Arrange: two tastes (more or less length), eight users each, fitted with twice as many prototypes as tastes.
        var random = new Random(12);
        var samples = new List<PairSample>();
        for (int u = 0; u < 16; u++)
        {
            for (int r = 0; r < 30; r++)
            {
                samples.Add(Comparison(u, (SurfaceFeatures.Length, u % 2 == 0 ? 1 : -1), random));
            }
        }

        // Act
        (RewardModel model, _) = RankingTrainer.Train(samples, 16, Embedding, new TrainerOptions { Prototypes = 4, Epochs = 10, Seed = 5 }, TestContext.Current.CancellationToken);

        // Assert: the two spare prototypes hold no share of the population (a new user starts on the two tastes).
        Span<float> alpha = stackalloc float[4];
        model.Mixture(null, alpha);
        Assert.Equal(2, alpha.ToArray().Count(static a => a > 0.01f));
    }

    [Fact]
    public void Prune_DuplicateAndSupportedPrototypes_DropsOnlyTheDuplicate()
    {
        // Arrange: ten users of taste A and ten of taste B, 20 comparisons each; prototype 2 explains exactly what
        // prototype 0 does, and each prototype explains its own users' comparisons far better than the other's.
        var logLikelihood = new double[20, 3];
        for (int i = 0; i < 20; i++)
        {
            bool a = i < 10;
            logLikelihood[i, 0] = logLikelihood[i, 2] = a ? -8 : -16;
            logLikelihood[i, 1] = a ? -16 : -8;
        }

        double[] share = [0.25, 0.5, 0.25];

        // Act
        int dropped = PrototypeSeeding.Prune(logLikelihood, share, [2, 2, 2], Math.Log(400));

        // Assert: the duplicate goes (either copy) and the shares left are renormalised; both tastes stay.
        Assert.Equal(1, dropped);
        Assert.Equal(2 / 3.0, share[1], 6);
        Assert.Equal(1 / 3.0, share[0] + share[2], 6);
        Assert.True(share[0] == 0 || share[2] == 0);
    }

    [Fact]
    public void Prune_EveryPrototypeExplainsItsUsers_DropsNone()
    {
        // Arrange: three groups of users, each far better explained by its own prototype.
        var logLikelihood = new double[30, 3];
        for (int i = 0; i < 30; i++)
        {
            for (int k = 0; k < 3; k++)
            {
                logLikelihood[i, k] = i / 10 == k ? -8 : -16;
            }
        }

        double[] share = [1 / 3.0, 1 / 3.0, 1 / 3.0];

        // Act
        int dropped = PrototypeSeeding.Prune(logLikelihood, share, [2, 2, 2], Math.Log(600));

        // Assert
        Assert.Equal(0, dropped);
        Assert.All(share, static v => Assert.Equal(1 / 3.0, v, 6));
    }

    /// <summary>A comparison of two responses whose surface factors are random (spread 0.3), judged by the user's taste.</summary>
    private static PairSample Comparison(int user, (int Factor, int Sign) taste, Random random)
    {
        float[] a = Response(random), b = Response(random);
        double gap = taste.Sign * Strength * (a[taste.Factor] - b[taste.Factor]);
        return random.NextDouble() < RankingTrainer.Sigmoid(gap) ? new PairSample(user, a, b) : new PairSample(user, b, a);
    }

    private static float[] Response(Random random)
    {
        var features = new float[FeatureLayout.Dimensions(Embedding)];
        for (int i = 0; i < features.Length; i++)
        {
            double normal = Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2.0 * Math.PI * random.NextDouble());
            features[i] = (float)((i < SurfaceFeatures.Count ? 0.3 : 0.5) * normal);
        }

        return features;
    }
}
