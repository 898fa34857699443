namespace Penchant.Evaluation.Evaluators;

/// <summary>A ranking case: statements the user makes, a request, candidates and the index of the best one.</summary>
/// <param name="Id">The case identifier (<c>line N</c> when the file gives none).</param>
/// <param name="Statements">What the user says first, in order.</param>
/// <param name="Request">The request the candidates answer.</param>
/// <param name="Candidates">The candidates.</param>
/// <param name="Best">The index of the candidate that should rank first.</param>
public sealed record RankingCase(string Id, IReadOnlyList<string> Statements, string Request, IReadOnlyList<string> Candidates, int Best);
