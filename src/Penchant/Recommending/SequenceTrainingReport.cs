namespace Penchant.Recommending;

/// <summary>What training a tenant's next-item model saw and saved.</summary>
/// <param name="Users">Users with at least one choice.</param>
/// <param name="Items">Distinct items chosen.</param>
/// <param name="Choices">Choices read.</param>
/// <param name="Links">Item-to-item links the model keeps.</param>
/// <param name="Version">The version of the model saved; 0 when there was nothing to train on.</param>
public sealed record SequenceTrainingReport(int Users, int Items, int Choices, int Links, long Version);
