using Penchant.Numerics;

namespace Penchant.Evaluation.Evaluators;

/// <summary>What <c>penchant train gate</c> reports.</summary>
/// <param name="Cases">How many cases each set gave.</param>
/// <param name="Pairs">How many labelled pairs the gate was fitted on (vetoed pairs left out).</param>
/// <param name="Positives">How many of them apply.</param>
/// <param name="Threshold">The threshold chosen.</param>
/// <param name="OutOfFoldEce">The expected calibration error of the out-of-fold calibrated probabilities.</param>
/// <param name="Reliability">Their reliability diagram.</param>
public sealed record GateTrainingReport(
    IReadOnlyList<KeyValuePair<string, int>> Cases, int Pairs, int Positives, double Threshold, double OutOfFoldEce, IReadOnlyList<ReliabilityBin> Reliability);
