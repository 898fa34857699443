namespace Penchant.Deciding;

/// <summary>A decision waiting for its rewards: the feature vectors of its slate (sparse), and what apprentice mode needs.</summary>
internal sealed class PendingDecision
{
    public required long Order { get; init; }

    public required DateTimeOffset DecidedAt { get; init; }

    /// <summary>Gets or sets when the decision started waiting for its reward; <see langword="null"/> while a deferred one is not activated.</summary>
    public DateTimeOffset? ActiveAt { get; set; }

    /// <summary>Gets the slots' feature vectors as (bucket, value) pairs.</summary>
    public required (int Index, double Value)[][] Slots { get; init; }

    /// <summary>Gets which slots were rewarded.</summary>
    public required bool[] Rewarded { get; init; }

    public bool Apprentice { get; init; }

    public bool Agreed { get; init; }

    /// <summary>Gets the regressor's prediction, at decision time, for the learned policy's own choice (apprentice mode's estimate).</summary>
    public double LearnedPrediction { get; init; }

    public static (int Index, double Value)[] Sparse(ReadOnlySpan<double> x)
    {
        int count = 0;
        foreach (double v in x)
        {
            if (v != 0.0)
            {
                count++;
            }
        }

        var sparse = new (int, double)[count];
        int j = 0;
        for (int i = 0; i < x.Length; i++)
        {
            if (x[i] != 0.0)
            {
                sparse[j++] = (i, x[i]);
            }
        }

        return sparse;
    }

    public static void Dense((int Index, double Value)[] sparse, Span<double> x)
    {
        x.Clear();
        foreach ((int index, double value) in sparse)
        {
            x[index] = value;
        }
    }
}
