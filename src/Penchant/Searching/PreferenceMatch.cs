using Penchant.Domain;

namespace Penchant.Searching;

/// <summary>One preference found by a search, with its fused score and the two parts it was fused from.</summary>
/// <param name="Preference">The preference.</param>
/// <param name="Score">
/// The reciprocal rank fusion of the two rankings: the sum over the rankings that found it of 1 / (60 + rank), rank from 1;
/// higher is better, comparable within one search only.
/// </param>
/// <param name="Semantic">The cosine similarity of the query's sentence embedding to the preference's, -1 to 1.</param>
/// <param name="Lexical">The BM25 score of the preference's text for the query's content words (0 when none occurs in it).</param>
public sealed record PreferenceMatch(Preference Preference, double Score, double Semantic, double Lexical)
{
    /// <summary>Gets the preference's place in the ranking by meaning, from 1.</summary>
    public int SemanticRank { get; init; }

    /// <summary>Gets the preference's place in the ranking by words, from 1; <see langword="null"/> when it shares no content word with the query.</summary>
    public int? LexicalRank { get; init; }
}
