namespace Penchant.Evaluation.Evaluators;

/// <summary>What <see cref="PairsEvaluator"/> measured.</summary>
/// <param name="TrainPairs">Pairs trained on.</param>
/// <param name="TestPairs">Pairs tested on.</param>
/// <param name="Temperature">The trained model's calibration temperature.</param>
/// <param name="Accuracy">The share of test pairs where the model gives the chosen response more than one half.</param>
/// <param name="ExpectedCalibrationError">The expected calibration error over the test pairs, each in a random orientation.</param>
public sealed record PairsReport(int TrainPairs, int TestPairs, double Temperature, double Accuracy, double ExpectedCalibrationError);
