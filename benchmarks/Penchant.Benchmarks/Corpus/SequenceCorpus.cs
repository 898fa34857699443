namespace Penchant.Benchmarks.Corpus;

/// <summary>
/// Synthetic purchase sequences at the scale of the Amazon Beauty set (about 40,000 users, 50,000 items, 9 choices per
/// user): items drawn with Zipf-like popularity, and each next choice, two times in three, from a small neighbourhood of
/// the previous one, so the model learns links of realistic density. Deterministic (seed 20261207).
/// </summary>
internal static class SequenceCorpus
{
    public const int Items = 50_000;
    public const int Users = 40_000;

    public static List<int[]> Create()
    {
        var random = new Random(20261207);
        double[] cumulative = new double[Items];
        double total = 0;
        for (int i = 0; i < Items; i++)
        {
            total += 1.0 / Math.Pow(i + 1, 0.8);
            cumulative[i] = total;
        }

        int Popular()
        {
            int found = Array.BinarySearch(cumulative, random.NextDouble() * total);
            return Math.Min(Items - 1, found >= 0 ? found : ~found);
        }

        var sequences = new List<int[]>(Users);
        for (int u = 0; u < Users; u++)
        {
            int length = 5 + (int)Math.Min(60, -Math.Log(1 - random.NextDouble()) * 4);
            int[] sequence = new int[length];
            sequence[0] = Popular();
            for (int t = 1; t < length; t++)
            {
                sequence[t] = random.Next(3) < 2 ? (sequence[t - 1] + random.Next(1, 30)) % Items : Popular();
            }

            sequences.Add(sequence);
        }

        return sequences;
    }
}
