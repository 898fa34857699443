namespace Penchant.Server.Contracts;

/// <summary>The preferences a search found, best first.</summary>
/// <param name="Matches">The matches; empty for an unknown user or one without preferences.</param>
public sealed record SearchResponse(IReadOnlyList<SearchMatchContract> Matches);

/// <summary>One preference a search found, with its fused score and the two parts it was fused from.</summary>
/// <param name="Preference">The preference.</param>
/// <param name="Score">The reciprocal rank fusion of the ranking by meaning and the ranking by words (the sum of 1 / (60 + rank)); higher is better, comparable within one search.</param>
/// <param name="Semantic">The cosine similarity of the query's sentence embedding to the preference's, from -1 to 1.</param>
/// <param name="Lexical">The BM25 score of the preference's text for the query's content words; 0 when none occurs in it.</param>
/// <param name="SemanticRank">The preference's place in the ranking by meaning, from 1.</param>
/// <param name="LexicalRank">The preference's place in the ranking by words, from 1; absent when it shares no content word with the query.</param>
public sealed record SearchMatchContract(PreferenceContract Preference, double Score, double Semantic, double Lexical, int SemanticRank, int? LexicalRank);
