namespace Penchant.Evaluation.Metrics;

/// <summary>Averages <see cref="SampledRank"/> metrics over users: HR@1, HR@5, HR@10, NDCG@5, NDCG@10 and MRR.</summary>
/// <remarks>Not thread-safe.</remarks>
public sealed class NextItemTally
{
    private double _hr1;
    private double _hr5;
    private double _hr10;
    private double _ndcg5;
    private double _ndcg10;
    private double _mrr;

    /// <summary>Gets the number of users added.</summary>
    public int Users { get; private set; }

    /// <summary>Gets the share of users whose held-out item ranked first.</summary>
    public double Hr1 => Mean(_hr1);

    /// <summary>Gets the share of users whose held-out item ranked in the first 5.</summary>
    public double Hr5 => Mean(_hr5);

    /// <summary>Gets the share of users whose held-out item ranked in the first 10.</summary>
    public double Hr10 => Mean(_hr10);

    /// <summary>Gets the mean NDCG@5.</summary>
    public double Ndcg5 => Mean(_ndcg5);

    /// <summary>Gets the mean NDCG@10.</summary>
    public double Ndcg10 => Mean(_ndcg10);

    /// <summary>Gets the mean reciprocal rank.</summary>
    public double Mrr => Mean(_mrr);

    /// <summary>Adds one user's held-out item rank.</summary>
    /// <param name="rank">The 0-based rank (<see cref="SampledRank.Rank"/>).</param>
    public void Add(int rank)
    {
        _hr1 += SampledRank.HitAt(rank, 1);
        _hr5 += SampledRank.HitAt(rank, 5);
        _hr10 += SampledRank.HitAt(rank, 10);
        _ndcg5 += SampledRank.NdcgAt(rank, 5);
        _ndcg10 += SampledRank.NdcgAt(rank, 10);
        _mrr += SampledRank.Reciprocal(rank);
        Users++;
    }

    private double Mean(double sum) => Users == 0 ? 0 : sum / Users;
}
