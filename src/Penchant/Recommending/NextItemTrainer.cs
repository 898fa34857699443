namespace Penchant.Recommending;

/// <summary>
/// Builds a <see cref="NextItemModel"/> from users' sequences of choices in one pass: every choice links to the few
/// that follow it (weight decaying with the distance) and, more weakly, to those that precede it; links are normalised
/// by the two items' counts (an asymmetric cosine) and each item keeps its strongest.
/// </summary>
/// <remarks>Deterministic; memory grows with the distinct links seen (at most sequences' length × window).</remarks>
internal static class NextItemTrainer
{
    /// <summary>The weight of the count prior that orders items no link reaches; small enough never to outweigh a link.</summary>
    private const float PriorScale = 1e-6f;

    /// <summary>Builds the model.</summary>
    /// <param name="sequences">Each user's choices, oldest first, as items <c>0 … itemCount − 1</c>.</param>
    /// <param name="itemCount">The number of items.</param>
    /// <param name="options">The settings.</param>
    /// <param name="cancellationToken">Cancels the build.</param>
    /// <returns>The model.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range, or an item is outside <c>0 … itemCount − 1</c>.</exception>
    public static NextItemModel Train(IReadOnlyList<int[]> sequences, int itemCount, NextItemOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(itemCount);
        options.Validate();

        double[] counts = new double[itemCount];
        var links = new Dictionary<int, double>?[itemCount];
        double[] steps = new double[options.Window + 1];
        for (int d = 1; d <= options.Window; d++)
        {
            steps[d] = Math.Pow(options.StepDecay, d - 1);
        }

        foreach (int[] sequence in sequences)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (int p = 0; p < sequence.Length; p++)
            {
                int from = sequence[p];
                ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)from, (uint)itemCount, nameof(sequences));
                counts[from]++;
                int last = Math.Min(sequence.Length - 1, p + options.Window);
                for (int q = p + 1; q <= last; q++)
                {
                    int to = sequence[q];
                    if (to == from || (uint)to >= (uint)itemCount)
                    {
                        continue;
                    }

                    double w = steps[q - p];
                    Add(links, from, to, w);
                    if (options.BackwardWeight > 0)
                    {
                        Add(links, to, from, options.BackwardWeight * w);
                    }
                }
            }
        }

        double maxCount = counts.Length == 0 ? 1 : Math.Max(1, counts.Max());
        float[] prior = new float[itemCount];
        double[] scale = new double[itemCount];
        double[] scaleTo = new double[itemCount];
        for (int i = 0; i < itemCount; i++)
        {
            prior[i] = (float)(PriorScale * counts[i] / maxCount);
            scale[i] = Math.Pow(counts[i] + options.Shrinkage, options.Alpha);
            scaleTo[i] = Math.Pow(counts[i] + options.Shrinkage, 1 - options.Alpha);
        }

        int[] offsets = new int[itemCount + 1];
        var neighbors = new List<int>();
        var weights = new List<float>();
        var row = new List<(int Item, double Weight)>();
        for (int i = 0; i < itemCount; i++)
        {
            offsets[i] = neighbors.Count;
            if (links[i] is not { } found)
            {
                continue;
            }

            row.Clear();
            foreach ((int j, double c) in found)
            {
                row.Add((j, c / (scale[i] * scaleTo[j])));
            }

            row.Sort(static (a, b) => b.Weight != a.Weight ? b.Weight.CompareTo(a.Weight) : a.Item.CompareTo(b.Item));
            for (int k = 0; k < row.Count && k < options.Neighbors; k++)
            {
                neighbors.Add(row[k].Item);
                weights.Add((float)row[k].Weight);
            }

            links[i] = null;
        }

        offsets[itemCount] = neighbors.Count;
        return new NextItemModel(offsets, [.. neighbors], [.. weights], prior, options.HistoryDecay, options.HistoryLength, options.HopWeight, options.HopSeeds);
    }

    private static void Add(Dictionary<int, double>?[] links, int from, int to, double weight)
    {
        Dictionary<int, double> row = links[from] ??= [];
        row[to] = row.GetValueOrDefault(to) + weight;
    }
}
