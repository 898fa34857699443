namespace Penchant.Numerics;

/// <summary>One bin of a reliability diagram: the probabilities predicted in a range against how often the outcome happened.</summary>
/// <param name="Lower">The lower end of the range (inclusive).</param>
/// <param name="Upper">The upper end of the range (exclusive, except for the last bin).</param>
/// <param name="Count">How many predictions fell in the range.</param>
/// <param name="MeanProbability">Their mean predicted probability; 0 for an empty bin.</param>
/// <param name="Observed">The mean outcome of those predictions; 0 for an empty bin.</param>
public sealed record ReliabilityBin(double Lower, double Upper, int Count, double MeanProbability, double Observed);
