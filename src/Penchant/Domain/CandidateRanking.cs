namespace Penchant.Domain;

/// <summary>Candidates ordered by the user's predicted preference, best first.</summary>
/// <param name="Candidates">The candidates, best first.</param>
/// <param name="ModelVersion">The version of the tenant's ranking model used, or 0 when none is trained yet (stated preferences only).</param>
/// <param name="Comparisons">How many of the user's own comparisons the personal part has learned from.</param>
public sealed record CandidateRanking(IReadOnlyList<RankedCandidate> Candidates, long ModelVersion, int Comparisons)
{
    /// <summary>Gets the best candidate, or <see langword="null"/> for an empty ranking.</summary>
    public RankedCandidate? Best => Candidates.Count == 0 ? null : Candidates[0];
}
