namespace Penchant.Domain;

/// <summary>
/// A style the user prefers in requests like this one, inferred from the edits they made to outputs in the nearest past
/// contexts ("Prefers bullet points", "Prefers about 40 words"), with the edits it came from.
/// </summary>
/// <param name="Feature">The feature of style.</param>
/// <param name="Text">The preference as a sentence a person can check.</param>
/// <param name="Level">The preferred level, in the feature's unit (words, a share of lines, a count, 0 or 1).</param>
/// <param name="Confidence">How consistently the nearest edits agree on it, from 0 to 1.</param>
/// <param name="Sources">The identifiers of the edit events it came from, most similar context first.</param>
public sealed record StylePreference(StyleFeature Feature, string Text, double Level, double Confidence, IReadOnlyList<string> Sources);
