using System.Globalization;
using Penchant.Learning.Ranking;
using Penchant.Ranking;

namespace Penchant.Evaluation.Simulations;

/// <summary>
/// Intransitive preferences over real responses: each HH-RLHF response that stands out on exactly one of three measurable
/// factors (long, asks questions, formal) belongs to that group, and the simulated judge prefers long over questioning,
/// questioning over formal, and formal over long (A ≻ B ≻ C ≻ A). A scalar Bradley–Terry reward cannot represent the cycle;
/// the skew-symmetric head can. Pairs are tested on held-out responses.
/// </summary>
public static class CyclicSimulation
{
    private static readonly int[] Factors = [SurfaceFeatures.Length, SurfaceFeatures.Questions, SurfaceFeatures.Formality];

    /// <summary>Runs the simulation over responses (features without context, and standardized surface factors).</summary>
    public static CyclicReport Run(IReadOnlyList<(float[] Features, float[] Z)> responses, int embeddingDimensions, int trainPairs, int testPairs, int skewRank, int seed, CancellationToken cancellationToken)
    {
        var random = new Random(seed);
        var grouped = new List<(float[] Features, int Group)>();
        foreach ((float[] features, float[] z) in responses)
        {
            int best = -1;
            double top = double.MinValue, second = double.MinValue;
            for (int g = 0; g < Factors.Length; g++)
            {
                double v = z[Factors[g]];
                if (v > top)
                {
                    (second, top, best) = (top, v, g);
                }
                else if (v > second)
                {
                    second = v;
                }
            }

            if (top > 0.8 && top - second > 0.8)
            {
                grouped.Add((features, best));
            }
        }

        return RunGrouped(grouped, embeddingDimensions, trainPairs, testPairs, skewRank, random, seed, cancellationToken);
    }

    /// <summary>
    /// Runs the cyclic evaluation over responses already in three groups (group g is preferred to group g+1 mod 3): the
    /// groups may come from the responses' surface factors (<see cref="Run"/>, a planted label the model can read) or from
    /// where each response comes from (an HH-RLHF split or the ICAI sets: a label no feature holds).
    /// </summary>
    public static CyclicReport RunGrouped(List<(float[] Features, int Group)> grouped, int embeddingDimensions, int trainPairs, int testPairs, int skewRank, int seed, CancellationToken cancellationToken)
        => RunGrouped(grouped, embeddingDimensions, trainPairs, testPairs, skewRank, new Random(seed), seed, cancellationToken);

    private static CyclicReport RunGrouped(List<(float[] Features, int Group)> grouped, int embeddingDimensions, int trainPairs, int testPairs, int skewRank, Random random, int seed, CancellationToken cancellationToken)
    {
        var order = Enumerable.Range(0, grouped.Count).ToArray();
        random.Shuffle(order);
        var trainItems = order[..(order.Length / 2)].Select(i => grouped[i]).ToList();
        var testItems = order[(order.Length / 2)..].Select(i => grouped[i]).ToList();
        List<PairSample> train = Pairs(trainItems, trainPairs, random);
        List<PairSample> test = Pairs(testItems, testPairs, random);
        if (train.Count == 0 || test.Count == 0)
        {
            return new CyclicReport(grouped.Count, train.Count, test.Count, 0, 0, 0);
        }

        var options = new TrainerOptions { Prototypes = 0, Seed = seed, Epochs = 30, CalibrationFraction = 0 };
        (RewardModel bt, _) = RankingTrainer.Train(train, 0, embeddingDimensions, options, cancellationToken);
        (RewardModel skew, _) = RankingTrainer.Train(train, 0, embeddingDimensions, options with { SkewRank = skewRank }, cancellationToken);
        return new CyclicReport(grouped.Count, train.Count, test.Count, RankingMetrics.Accuracy(bt, null, test), RankingMetrics.Accuracy(skew, null, test), RankingMetrics.Accuracy(skew, null, train));
    }

    /// <summary>Writes the report; the summary is the last line.</summary>
    public static void Write(TextWriter output, CyclicReport report)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"responses in the three groups: {report.Items}; train pairs {report.TrainPairs}; skew-symmetric head on its training pairs: {report.SkewTrain:0.000}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cyclic: n={report.TestPairs} bt={report.BradleyTerry:0.000} skew={report.Skew:0.000}"));
    }

    private static List<PairSample> Pairs(List<(float[] Features, int Group)> items, int count, Random random)
    {
        var pairs = new List<PairSample>(count);
        if (items.Select(static i => i.Group).Distinct().Count() < 3)
        {
            return pairs;
        }

        while (pairs.Count < count)
        {
            var a = items[random.Next(items.Count)];
            var b = items[random.Next(items.Count)];
            if (a.Group == b.Group)
            {
                continue;
            }

            // Group g beats group g+1 (mod 3): long ≻ questioning ≻ formal ≻ long.
            bool aWins = (a.Group + 1) % 3 == b.Group;
            pairs.Add(aWins ? new PairSample(-1, a.Features, b.Features) : new PairSample(-1, b.Features, a.Features));
        }

        return pairs;
    }
}
