namespace Penchant.Evaluation.Evaluators;

/// <summary>Precision and recall of extracted wishes over a set of extraction cases.</summary>
/// <param name="Cases">The cases run.</param>
/// <param name="Extracted">Preferences the turns yielded.</param>
/// <param name="Expected">Wishes the turns state.</param>
/// <param name="Matched">Extracted preferences that are exactly one expected wish, with its scope.</param>
/// <param name="Misses">Per case with an error: the case, what it yielded and what it should have.</param>
public sealed record ExtractionReport(int Cases, int Extracted, int Expected, int Matched, IReadOnlyList<(ExtractionCase Case, IReadOnlyList<string> Got)> Misses)
{
    /// <summary>Gets the share of extracted preferences that are one expected wish (1 when nothing was extracted).</summary>
    public double Precision => Extracted == 0 ? 1 : (double)Matched / Extracted;

    /// <summary>Gets the share of expected wishes extracted as a preference of their own (1 when none were expected).</summary>
    public double Recall => Expected == 0 ? 1 : (double)Matched / Expected;

    /// <summary>Gets the harmonic mean of precision and recall.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}
