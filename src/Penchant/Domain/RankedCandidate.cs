namespace Penchant.Domain;

/// <summary>One candidate of a <see cref="CandidateRanking"/>, with its score, how likely it is the user's best, and why.</summary>
/// <param name="Index">The candidate's position in the input.</param>
/// <param name="Text">The candidate.</param>
/// <param name="Score">The score (higher is better; comparable within one ranking only).</param>
/// <param name="Probability">The probability that this candidate is the user's best of those given.</param>
/// <param name="Factors">What drove the score, strongest first: preferences satisfied or violated, learned factors.</param>
public sealed record RankedCandidate(int Index, string Text, double Score, double Probability, IReadOnlyList<RankingFactor> Factors);
