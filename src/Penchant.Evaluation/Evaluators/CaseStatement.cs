namespace Penchant.Evaluation.Evaluators;

/// <summary>A statement of a case.</summary>
/// <param name="Text">What the user said.</param>
/// <param name="At">When, if given.</param>
public sealed record CaseStatement(string Text, DateTimeOffset? At);
