using Penchant.Evaluation.Metrics;
using Penchant.Numerics;

namespace Penchant.Evaluation.Evaluators;

/// <summary>The result of <c>penchant eval selection</c> or <c>penchant eval prefeval-multi</c>.</summary>
/// <param name="Overall">All cases.</param>
/// <param name="Categories">Per category, ordinal by name; empty when no case has a category.</param>
/// <param name="Wrong">The cases that are not exactly right.</param>
public sealed record SelectionReport(
    SelectionTally Overall,
    IReadOnlyList<KeyValuePair<string, SelectionTally>> Categories,
    IReadOnlyList<SelectionCaseResult> Wrong)
{
    /// <summary>Gets the name the summary line starts with.</summary>
    public string Name { get; init; } = "selection";

    /// <summary>Gets the share of the cases that expect nothing which were answered with nothing; <see langword="null"/> when there are none.</summary>
    public double? NoneExact { get; init; }

    /// <summary>Gets the expected calibration error of the gate's probability for every (case, preference) pair, over 10 bins.</summary>
    public double Ece { get; init; }

    /// <summary>Gets the reliability diagram of those probabilities (10 bins); empty when not measured.</summary>
    public IReadOnlyList<ReliabilityBin> Reliability { get; init; } = [];

    /// <summary>Gets a second report beside this one (for example the same cases scored by a gate fitted without them), or <see langword="null"/>.</summary>
    public IReadOnlyList<KeyValuePair<string, SelectionReport>> Beside { get; init; } = [];
}
