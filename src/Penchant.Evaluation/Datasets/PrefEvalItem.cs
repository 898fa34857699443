namespace Penchant.Evaluation.Datasets;

/// <summary>An explicit preference of PrefEval and the question asked after the filler turns.</summary>
/// <param name="Topic">The topic (file name without extension).</param>
/// <param name="Index">The position in the topic file.</param>
/// <param name="Preference">What the user said they prefer.</param>
/// <param name="Question">The later question the preference applies to.</param>
public sealed record PrefEvalItem(string Topic, int Index, string Preference, string Question);
