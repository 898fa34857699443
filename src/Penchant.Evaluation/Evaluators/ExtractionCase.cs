namespace Penchant.Evaluation.Evaluators;

/// <summary>One extraction case: what the user said before, the turn, and the wishes the turn states (each with the scope it must keep).</summary>
/// <param name="Id">The case id.</param>
/// <param name="Domain">The domain the case is about (the split is by domain).</param>
/// <param name="Kind">What the case tests: <c>single</c>, <c>multi</c>, <c>none</c> or <c>revision</c>.</param>
/// <param name="Before">User turns said earlier, oldest first (a revision's earlier statement).</param>
/// <param name="Turn">The user turn extracted from.</param>
/// <param name="Wishes">The wishes the turn states: their words, and the words of their scope when they have one.</param>
public sealed record ExtractionCase(string Id, string Domain, string Kind, IReadOnlyList<string> Before, string Turn, IReadOnlyList<(string Text, string? Scope)> Wishes);
