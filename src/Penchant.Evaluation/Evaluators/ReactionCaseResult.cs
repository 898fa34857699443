using Penchant.Signals;

namespace Penchant.Evaluation.Evaluators;

/// <summary>A case and what the classifier said.</summary>
public sealed record ReactionCaseResult(ReactionCase Case, ReactionClassification Predicted)
{
    /// <summary>Gets a value indicating whether the classifier gave the true label.</summary>
    public bool IsCorrect => Case.Label == Predicted.Label;
}
