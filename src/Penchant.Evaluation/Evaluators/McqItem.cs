namespace Penchant.Evaluation.Evaluators;

/// <summary>A PrefEval multiple-choice item: the preference, the question, and the options with the correct one first (as upstream).</summary>
public sealed record McqItem(string Topic, int Index, string Preference, string Question, IReadOnlyList<string> Options);
