using System.Globalization;
using Penchant.Evaluation.Metrics;
using Penchant.Learning.Ranking;
using Penchant.Ranking;

namespace Penchant.Evaluation.Simulations;

/// <summary>
/// Simulated users with latent tastes (concise vs detailed, formal vs casual, asks questions vs answers directly) compare
/// real HH-RLHF responses to the same prompt; labels are drawn from a Bradley–Terry model of the user's true utility.
/// Compares one global model, per-user independent models and the prototype mixture, with the true taste as the ceiling
/// and, below it, the Bayes mixture: the best any model can do that knows the tastes and the noise but not which taste
/// the user has, from the same comparisons.
/// </summary>
public static class PluralisticSimulation
{
    /// <summary>The tastes: opposite poles of three measurable axes.</summary>
    public static readonly IReadOnlyList<Taste> Tastes =
    [
        new("concise", SurfaceFeatures.Length, -1),
        new("detailed", SurfaceFeatures.Length, +1),
        new("formal", SurfaceFeatures.Formality, +1),
        new("casual", SurfaceFeatures.Formality, -1),
        new("inquisitive", SurfaceFeatures.Questions, +1),
        new("direct", SurfaceFeatures.Questions, -1),
    ];

    /// <summary>Runs the simulation over prepared pairs (features of both responses, and their standardized surface factors).</summary>
    public static PluralisticReport Run(IReadOnlyList<(float[] A, float[] B, float[] ZA, float[] ZB)> pairs, int embeddingDimensions, PluralisticSettings settings, CancellationToken cancellationToken)
    {
        var random = new Random(settings.Seed);
        int maxBudget = settings.Budgets.Max();

        // Seen users: their training comparisons and test comparisons; new users: a budget of comparisons and a test set.
        var seen = new List<SimUser>();
        var fresh = new List<SimUser>();
        foreach (Taste taste in Tastes)
        {
            for (int u = 0; u < settings.UsersPerTaste; u++)
            {
                seen.Add(SimUser.Draw(taste, pairs, settings.TrainComparisons, settings.TestComparisons, settings.Sharpness, random));
                fresh.Add(SimUser.Draw(taste, pairs, maxBudget, settings.TestComparisons, settings.Sharpness, random));
            }
        }

        var trainSamples = new List<PairSample>();
        var globalSamples = new List<PairSample>();
        for (int u = 0; u < seen.Count; u++)
        {
            foreach (PairSample s in seen[u].Train)
            {
                trainSamples.Add(s with { User = u });
                globalSamples.Add(s with { User = -1 });
            }
        }

        var trainer = new TrainerOptions { Seed = settings.Seed, Epochs = 30 };
        (RewardModel global, _) = RankingTrainer.Train(globalSamples, 0, embeddingDimensions, trainer with { Prototypes = 0 }, cancellationToken);
        (RewardModel mixture, UserPart[] parts) = RankingTrainer.Train(trainSamples, seen.Count, embeddingDimensions, trainer with { Prototypes = settings.Prototypes }, cancellationToken);

        var rows = new List<PluralisticRow>();
        var budgets = settings.Budgets;

        // Oracle: the user's true utility.
        rows.Add(new PluralisticRow("oracle", Mean(seen, static u => u.OracleAccuracy), [.. budgets.Select(_ => Mean(fresh, static u => u.OracleAccuracy))]));

        // Bayes: the posterior over the true tastes from the user's comparisons.
        rows.Add(new PluralisticRow(
            "bayes",
            Mean(seen, u => u.BayesAccuracy(u.Train.Count, settings.Sharpness)),
            [.. budgets.Select(b => Mean(fresh, u => u.BayesAccuracy(b, settings.Sharpness)))]));

        // Global: one model for everyone.
        rows.Add(new PluralisticRow(
            "global",
            Mean(seen, u => RankingMetrics.Accuracy(global, null, u.Test)),
            [.. budgets.Select(_ => Mean(fresh, u => RankingMetrics.Accuracy(global, null, u.Test)))]));

        // Independent: each user's own model from their own comparisons only.
        double independentSeen = Mean(seen, u => IndependentBaseline.Accuracy(u.Train, embeddingDimensions, trainer, u.Test, cancellationToken));
        rows.Add(new PluralisticRow(
            "independent",
            independentSeen,
            [.. budgets.Select(b => Mean(fresh, u => IndependentBaseline.Accuracy(u.Train.Take(b).ToList(), embeddingDimensions, trainer, u.Test, cancellationToken)))]));

        // Mixture: shared prototypes, per-user weights; a new user's weights are fitted from their few comparisons.
        var seenMixture = new double[seen.Count];
        for (int u = 0; u < seen.Count; u++)
        {
            seenMixture[u] = RankingMetrics.Accuracy(mixture, [parts[u]], seen[u].Test.Select(static s => s with { User = 0 }).ToList());
        }

        var mixtureNew = new List<double>();
        var mixtureAt10 = new double[fresh.Count];
        foreach (int budget in budgets)
        {
            double total = 0;
            for (int u = 0; u < fresh.Count; u++)
            {
                UserPart part = UserPart.FromPrior(mixture);
                RankingTrainer.FitUser(mixture, part, fresh[u].Train.Take(budget).ToList());
                double accuracy = RankingMetrics.Accuracy(mixture, [part], fresh[u].Test.Select(static s => s with { User = 0 }).ToList());
                total += accuracy;
                if (budget == 10)
                {
                    mixtureAt10[u] = accuracy;
                }
            }

            mixtureNew.Add(total / fresh.Count);
        }

        rows.Add(new PluralisticRow("mixture", seenMixture.Average(), mixtureNew));

        var perTaste = new List<(string, double, double, double)>();
        for (int t = 0; t < Tastes.Count; t++)
        {
            var members = Enumerable.Range(0, fresh.Count).Where(u => fresh[u].Taste == Tastes[t]).ToList();
            perTaste.Add((
                Tastes[t].Name,
                members.Average(u => RankingMetrics.Accuracy(global, null, fresh[u].Test)),
                members.Average(u => mixtureAt10[u]),
                members.Average(u => fresh[u].OracleAccuracy)));
        }

        return new PluralisticReport(budgets, rows, perTaste, pairs.Count);
    }

    /// <summary>Writes the table (accuracy by comparisons per new user), the per-taste check, and the summary as the last line.</summary>
    public static void Write(TextWriter output, PluralisticReport report)
    {
        report.WriteTable(output);

        foreach ((string taste, double global, double mixture, double oracle) in report.PerTaste)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"taste {taste,-12} new users, k=10: global={global:0.000} mixture={mixture:0.000} oracle={oracle:0.000}"));
        }

        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"pluralistic: new_user_10={report.NewUsersAt10("mixture"):0.000} oracle={report.NewUsersAt10("oracle"):0.000} bayes={report.NewUsersAt10("bayes"):0.000} global={report.NewUsersAt10("global"):0.000} independent={report.NewUsersAt10("independent"):0.000}"));
    }

    /// <summary>Writes, after several seeds' reports, each seed's gap to the oracle at k=10 and the mean gap as the last line.</summary>
    public static void WriteSeeds(TextWriter output, IReadOnlyList<(int Seed, PluralisticReport Report)> reports)
    {
        var gaps = new List<double>(reports.Count);
        foreach ((int seed, PluralisticReport report) in reports)
        {
            double mixture = report.NewUsersAt10("mixture");
            double oracle = report.NewUsersAt10("oracle");
            double bayes = report.NewUsersAt10("bayes");
            int behindGlobal = report.PerTaste.Count(static t => t.Mixture <= t.Global);
            gaps.Add(oracle - mixture);
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"seed {seed,-4} new_user_10={mixture:0.000} oracle={oracle:0.000} bayes={bayes:0.000} gap={oracle - mixture:0.000} tastes_not_ahead_of_global={behindGlobal}"));
        }

        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"pluralistic seeds: n={gaps.Count} mean_gap={gaps.Average():0.000} max_gap={gaps.Max():0.000}"));
    }

    private static double Mean(List<SimUser> users, Func<SimUser, double> accuracy) => users.Average(accuracy);

    /// <summary>A simulated user: a taste, training comparisons and test comparisons with labels drawn from the taste.</summary>
    private sealed class SimUser
    {
        public required Taste Taste { get; init; }

        public required List<PairSample> Train { get; init; }

        public required List<PairSample> Test { get; init; }

        public double OracleAccuracy { get; init; }

        /// <summary>Gets, for each comparison (training then test), each taste's utility gap between the preferred and the rejected response.</summary>
        public required List<double[]> Gaps { get; init; }

        /// <summary>
        /// Gets the accuracy on the test comparisons of the Bayes mixture after the first <paramref name="budget"/> training
        /// comparisons: the posterior over the tastes (uniform prior, the true label noise) and the posterior-predictive choice.
        /// </summary>
        public double BayesAccuracy(int budget, double sharpness)
        {
            int tastes = Tastes.Count;
            var logPosterior = new double[tastes];
            for (int i = 0; i < budget; i++)
            {
                for (int t = 0; t < tastes; t++)
                {
                    logPosterior[t] += Math.Log(RankingTrainer.Sigmoid(sharpness * Gaps[i][t]));
                }
            }

            double top = logPosterior.Max();
            double[] posterior = [.. logPosterior.Select(l => Math.Exp(l - top))];
            double total = posterior.Sum();
            double right = 0;
            for (int i = Train.Count; i < Gaps.Count; i++)
            {
                double p = 0;
                for (int t = 0; t < tastes; t++)
                {
                    p += posterior[t] / total * RankingTrainer.Sigmoid(sharpness * Gaps[i][t]);
                }

                // A tie is a coin flip, as it is for the oracle.
                right += PairwiseAccuracy.Credit(p, tieCredit: 0.5, tolerance: 1e-12);
            }

            return right / Test.Count;
        }

        public static SimUser Draw(Taste taste, IReadOnlyList<(float[] A, float[] B, float[] ZA, float[] ZB)> pairs, int train, int test, double sharpness, Random random)
        {
            var chosen = new List<PairSample>(train + test);
            var gaps = new List<double[]>(train + test);
            int oracleRight = 0;
            for (int i = 0; i < train + test; i++)
            {
                (float[] a, float[] b, float[] za, float[] zb) = pairs[random.Next(pairs.Count)];
                double gap = taste.Sign * (za[taste.Factor] - zb[taste.Factor]);
                bool aWins = random.NextDouble() < RankingTrainer.Sigmoid(sharpness * gap);
                if (i >= train)
                {
                    oracleRight += (gap > 0) == aWins ? 1 : 0;
                }

                chosen.Add(aWins ? new PairSample(0, a, b) : new PairSample(0, b, a));
                (float[] zp, float[] zr) = aWins ? (za, zb) : (zb, za);
                gaps.Add([.. Tastes.Select(t => (double)t.Sign * (zp[t.Factor] - zr[t.Factor]))]);
            }

            return new SimUser { Taste = taste, Train = chosen[..train], Test = chosen[train..], Gaps = gaps, OracleAccuracy = (double)oracleRight / test };
        }
    }
}
