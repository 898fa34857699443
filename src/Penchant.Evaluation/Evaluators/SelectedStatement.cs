namespace Penchant.Evaluation.Evaluators;

/// <summary>A selected preference, mapped back to the statements it came from.</summary>
/// <param name="Text">The preference text.</param>
/// <param name="Probability">The probability the engine gave.</param>
/// <param name="StatementIndices">The indices of the statements among its sources.</param>
/// <param name="IsCorrect">Whether one of those statements is expected.</param>
public sealed record SelectedStatement(string Text, double Probability, IReadOnlyList<int> StatementIndices, bool IsCorrect);
