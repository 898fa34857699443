using Penchant.Evaluation.Metrics;

namespace Penchant.Evaluation.Evaluators;

/// <summary>The result of <c>penchant eval reactions</c>.</summary>
public sealed record ReactionReport(int Cases, double Accuracy, double MacroF1, IReadOnlyList<ClassMetrics> Classes, IReadOnlyList<ReactionCaseResult> Wrong);
