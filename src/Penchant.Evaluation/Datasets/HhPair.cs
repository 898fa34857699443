namespace Penchant.Evaluation.Datasets;

/// <summary>One HH-RLHF pair: the last human turn, and the final assistant responses that were chosen and rejected.</summary>
public sealed record HhPair(string Split, string Prompt, string Chosen, string Rejected);
