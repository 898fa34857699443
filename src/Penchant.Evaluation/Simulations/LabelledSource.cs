namespace Penchant.Evaluation.Simulations;

/// <summary>Comparisons whose labels come from a data set's own annotation, not from the features a model reads.</summary>
/// <param name="Name">The source ("icai-orthogonal", "hh-helpful-base").</param>
/// <param name="Pairs">Each comparison's features: the response the data prefers, then the other.</param>
public sealed record LabelledSource(string Name, IReadOnlyList<(float[] Preferred, float[] Other)> Pairs);
