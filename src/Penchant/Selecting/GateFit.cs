namespace Penchant.Selecting;

/// <summary>What <see cref="GateTrainer.Fit"/> returns: the model and its out-of-fold calibrated probabilities.</summary>
/// <param name="Model">The fitted model.</param>
/// <param name="OutOfFold">Each kept pair's calibrated probability from a model that did not see its case.</param>
/// <param name="Outcomes">Each kept pair's outcome, 0 or 1.</param>
/// <param name="Positives">How many kept pairs apply.</param>
internal sealed record GateFit(GateModel Model, IReadOnlyList<double> OutOfFold, IReadOnlyList<double> Outcomes, int Positives);
