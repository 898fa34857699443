namespace Penchant.Evaluation.Simulations;

/// <summary>The result of the cyclic-preference simulation.</summary>
public sealed record CyclicReport(int Items, int TrainPairs, int TestPairs, double BradleyTerry, double Skew, double SkewTrain);
