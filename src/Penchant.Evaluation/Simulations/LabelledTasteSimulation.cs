using System.Globalization;
using Penchant.Learning.Ranking;
using Penchant.Ranking;

namespace Penchant.Evaluation.Simulations;

/// <summary>
/// Pluralistic tastes whose labels come from data, not from the model's input features: each labelled source (an ICAI
/// synthetic set, an HH-RLHF split) gives two tastes over the same texts, its annotation and the annotation flipped. Each
/// source's pairs are split once into a training half and a test half, so no user is ever tested on a pair any model
/// trained on. Compares one global model, per-user independent models and the prototype mixture with the taste known
/// (a model trained on every training pair of the user's own taste) as the reachable ceiling.
/// </summary>
public static class LabelledTasteSimulation
{
    /// <summary>Runs the simulation.</summary>
    public static PluralisticReport Run(IReadOnlyList<LabelledSource> sources, int embeddingDimensions, PluralisticSettings settings, CancellationToken cancellationToken)
    {
        var random = new Random(settings.Seed);
        int maxBudget = settings.Budgets.Max();

        // Tastes: each source as annotated and flipped; each source's pairs split into disjoint train and test halves.
        var tastes = new List<(string Name, List<PairSample> Train, List<PairSample> Test)>();
        foreach (LabelledSource source in sources)
        {
            int[] order = [.. Enumerable.Range(0, source.Pairs.Count)];
            random.Shuffle(order);
            int half = order.Length / 2;
            foreach (bool flipped in (bool[])[false, true])
            {
                List<PairSample> Samples(IEnumerable<int> indexes) => [.. indexes.Select(i => flipped
                    ? new PairSample(0, source.Pairs[i].Other, source.Pairs[i].Preferred)
                    : new PairSample(0, source.Pairs[i].Preferred, source.Pairs[i].Other))];
                tastes.Add((source.Name + (flipped ? "-flipped" : string.Empty), Samples(order[..half]), Samples(order[half..])));
            }
        }

        var seen = new List<(int Taste, List<PairSample> Train, List<PairSample> Test)>();
        var fresh = new List<(int Taste, List<PairSample> Train, List<PairSample> Test)>();
        for (int t = 0; t < tastes.Count; t++)
        {
            for (int u = 0; u < settings.UsersPerTaste; u++)
            {
                seen.Add((t, Draw(tastes[t].Train, settings.TrainComparisons, random), Draw(tastes[t].Test, settings.TestComparisons, random)));
                fresh.Add((t, Draw(tastes[t].Train, maxBudget, random), Draw(tastes[t].Test, settings.TestComparisons, random)));
            }
        }

        var trainer = new TrainerOptions { Seed = settings.Seed, Epochs = 30 };
        var trainSamples = new List<PairSample>();
        for (int u = 0; u < seen.Count; u++)
        {
            trainSamples.AddRange(seen[u].Train.Select(s => s with { User = u }));
        }

        (RewardModel global, _) = RankingTrainer.Train([.. trainSamples.Select(static s => s with { User = -1 })], 0, embeddingDimensions, trainer with { Prototypes = 0 }, cancellationToken);
        (RewardModel mixture, UserPart[] parts) = RankingTrainer.Train(trainSamples, seen.Count, embeddingDimensions, trainer with { Prototypes = settings.Prototypes }, cancellationToken);

        // The taste known: one model per taste from all of that taste's training pairs.
        var known = new RewardModel[tastes.Count];
        for (int t = 0; t < tastes.Count; t++)
        {
            (known[t], _) = RankingTrainer.Train([.. tastes[t].Train.Select(static s => s with { User = -1 })], 0, embeddingDimensions, trainer with { Prototypes = 0 }, cancellationToken);
        }

        IReadOnlyList<int> budgets = settings.Budgets;
        var rows = new List<PluralisticRow>
        {
            new("known_taste", seen.Average(u => RankingMetrics.Accuracy(known[u.Taste], null, u.Test)), [.. budgets.Select(_ => fresh.Average(u => RankingMetrics.Accuracy(known[u.Taste], null, u.Test)))]),
            new("global", seen.Average(u => RankingMetrics.Accuracy(global, null, u.Test)), [.. budgets.Select(_ => fresh.Average(u => RankingMetrics.Accuracy(global, null, u.Test)))]),
            new(
                "independent",
                seen.Average(u => IndependentBaseline.Accuracy(u.Train, embeddingDimensions, trainer, u.Test, cancellationToken)),
                [.. budgets.Select(b => fresh.Average(u => IndependentBaseline.Accuracy([.. u.Train.Take(b)], embeddingDimensions, trainer, u.Test, cancellationToken)))]),
        };

        var seenMixture = Enumerable.Range(0, seen.Count).Select(u => RankingMetrics.Accuracy(mixture, [parts[u]], seen[u].Test)).ToList();
        var mixtureNew = new List<double>();
        var mixtureAt10 = new double[fresh.Count];
        foreach (int budget in budgets)
        {
            double total = 0;
            for (int u = 0; u < fresh.Count; u++)
            {
                UserPart part = UserPart.FromPrior(mixture);
                RankingTrainer.FitUser(mixture, part, [.. fresh[u].Train.Take(budget)]);
                double accuracy = RankingMetrics.Accuracy(mixture, [part], fresh[u].Test);
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
        for (int t = 0; t < tastes.Count; t++)
        {
            var members = Enumerable.Range(0, fresh.Count).Where(u => fresh[u].Taste == t).ToList();
            perTaste.Add((
                tastes[t].Name,
                members.Average(u => RankingMetrics.Accuracy(global, null, fresh[u].Test)),
                members.Average(u => mixtureAt10[u]),
                members.Average(u => RankingMetrics.Accuracy(known[t], null, fresh[u].Test))));
        }

        return new PluralisticReport(budgets, rows, perTaste, sources.Sum(static s => s.Pairs.Count));
    }

    /// <summary>Writes the table, the per-taste check (the last column is the taste-known model), and the summary as the last line.</summary>
    public static void Write(TextWriter output, PluralisticReport report)
    {
        report.WriteTable(output);

        foreach ((string taste, double global, double mixture, double knownTaste) in report.PerTaste)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"taste {taste,-28} new users, k=10: global={global:0.000} mixture={mixture:0.000} known_taste={knownTaste:0.000}"));
        }

        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"pluralistic: labels=data pairs={report.Pairs} new_user_10={report.NewUsersAt10("mixture"):0.000} known_taste={report.NewUsersAt10("known_taste"):0.000} global={report.NewUsersAt10("global"):0.000} independent={report.NewUsersAt10("independent"):0.000}"));
    }

    /// <summary>Draws distinct comparisons from a pool (all of it when it is smaller).</summary>
    private static List<PairSample> Draw(List<PairSample> pool, int count, Random random)
    {
        int[] order = [.. Enumerable.Range(0, pool.Count)];
        random.Shuffle(order);
        return [.. order.Take(count).Select(i => pool[i])];
    }

}
