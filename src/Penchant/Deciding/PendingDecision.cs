namespace Penchant.Deciding;

/// <summary>
/// A decision waiting for its rewards: when it started waiting, which slots were rewarded, what apprentice mode needs,
/// and (in memory only) the feature vectors of its slate. The vectors are never part of the policy's snapshot: a policy
/// read back from one finds them again in the log, by the decision's identifier, when a reward comes.
/// </summary>
internal sealed class PendingDecision
{
    public required long Order { get; init; }

    public required DateTimeOffset DecidedAt { get; init; }

    /// <summary>Gets or sets when the decision started waiting for its reward; <see langword="null"/> while a deferred one is not activated.</summary>
    public DateTimeOffset? ActiveAt { get; set; }

    /// <summary>Gets or sets the slots' feature vectors as (bucket, value) pairs; <see langword="null"/> until read from the log.</summary>
    public (int Index, double Value)[][]? Slots { get; set; }

    /// <summary>Gets which slots were rewarded (one flag per slot of the slate).</summary>
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
