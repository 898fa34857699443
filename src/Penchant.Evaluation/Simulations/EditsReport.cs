namespace Penchant.Evaluation.Simulations;

/// <summary>What an editing simulation measured: the cumulative edit cost of each agent over the rounds.</summary>
/// <param name="Task">The task (<c>summarization</c> or <c>email</c>).</param>
/// <param name="Rounds">The rounds played.</param>
/// <param name="Cost">The learning agent's (Penchant's) cumulative Levenshtein cost.</param>
/// <param name="NoLearning">The cost of the writer that never learns.</param>
/// <param name="Oracle">The cost of the writer that knows the hidden preference.</param>
/// <param name="CostBySource">The learning agent's cost per document source.</param>
/// <param name="FirstHalfCost">The learning agent's cost over the first half of the rounds.</param>
/// <param name="SecondHalfCost">The learning agent's cost over the second half of the rounds.</param>
public sealed record EditsReport(
    string Task,
    int Rounds,
    long Cost,
    long NoLearning,
    long Oracle,
    IReadOnlyDictionary<string, long> CostBySource,
    long FirstHalfCost,
    long SecondHalfCost)
{
    /// <summary>Gets the learning agent's cost divided by the no-learning cost.</summary>
    public double Ratio => NoLearning == 0 ? 0 : (double)Cost / NoLearning;
}
