namespace Penchant.Learning.Principles;

/// <summary>One judgement between two texts: the signal it came from, the text preferred and the other.</summary>
/// <param name="SourceId">The signal (event) it came from.</param>
/// <param name="Preferred">The preferred text (an edit's result, a comparison's winner, a chosen item).</param>
/// <param name="Rejected">The other text.</param>
public sealed record JudgedPair(string SourceId, string Preferred, string Rejected);
