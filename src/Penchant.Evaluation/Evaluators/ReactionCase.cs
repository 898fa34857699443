using Penchant.Signals;

namespace Penchant.Evaluation.Evaluators;

/// <summary>One reaction case.</summary>
public sealed record ReactionCase(int Line, string Id, string? Request, string? Answer, string Turn, ReactionLabel Label);
