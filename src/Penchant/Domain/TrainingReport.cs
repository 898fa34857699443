namespace Penchant.Domain;

/// <summary>What <see cref="IPenchant.TrainAsync"/> fitted.</summary>
/// <param name="Users">Users whose signals were used.</param>
/// <param name="Comparisons">Pairwise comparisons derived from comparisons, ratings and choices.</param>
/// <param name="ModelVersion">The stored version of the new model (0 when there was nothing to train on).</param>
/// <param name="TrainingAccuracy">The share of comparisons the new model orders as the users did.</param>
/// <param name="Temperature">The calibration temperature.</param>
public sealed record TrainingReport(int Users, int Comparisons, long ModelVersion, double TrainingAccuracy, double Temperature);
