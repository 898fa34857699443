namespace Penchant.Evaluation.Metrics;

/// <summary>
/// Micro-averaged counts of a selection evaluation (over all cases, or one category): precision, recall and F1 over
/// every selected preference and expected statement of every case added, and the share of cases that are exactly right.
/// </summary>
/// <remarks>Not thread-safe: add cases from one thread.</remarks>
public sealed class SelectionTally
{
    /// <summary>Gets the number of cases.</summary>
    public int Cases { get; private set; }

    /// <summary>Gets the number of selected preferences.</summary>
    public int Selected { get; private set; }

    /// <summary>Gets the number of selected preferences with at least one expected source.</summary>
    public int Correct { get; private set; }

    /// <summary>Gets the number of expected statement indices.</summary>
    public int Expected { get; private set; }

    /// <summary>Gets the number of expected statement indices among the sources of the selected preferences.</summary>
    public int Found { get; private set; }

    /// <summary>Gets the number of cases whose selection is exactly right.</summary>
    public int Exact { get; private set; }

    /// <summary>Gets correct / selected; 1 when nothing was selected and nothing was expected, else 0 when nothing was selected.</summary>
    public double Precision => Selected == 0 ? (Expected == 0 ? 1 : 0) : (double)Correct / Selected;

    /// <summary>Gets found / expected; 1 when nothing was expected.</summary>
    public double Recall => Expected == 0 ? 1 : (double)Found / Expected;

    /// <summary>Gets the harmonic mean of precision and recall; 0 when both are 0.</summary>
    public double F1 => ClassMetrics.HarmonicMean(Precision, Recall);

    /// <summary>Gets the share of cases that are exactly right; 0 when there are no cases.</summary>
    public double ExactRate => Rate.Of(Exact, Cases);

    /// <summary>Adds one case.</summary>
    /// <param name="selected">How many preferences were selected.</param>
    /// <param name="correct">How many of them have an expected source.</param>
    /// <param name="expected">How many statements were expected.</param>
    /// <param name="found">How many expected statements are among the selected preferences' sources.</param>
    /// <param name="exact">Whether the case is exactly right (see <see cref="SetMatch.IsExact"/>).</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, or <paramref name="correct"/> exceeds <paramref name="selected"/>, or <paramref name="found"/> exceeds <paramref name="expected"/>.</exception>
    public void Add(int selected, int correct, int expected, int found, bool exact)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(correct);
        ArgumentOutOfRangeException.ThrowIfNegative(found);
        ArgumentOutOfRangeException.ThrowIfLessThan(selected, correct);
        ArgumentOutOfRangeException.ThrowIfLessThan(expected, found);
        Cases++;
        Selected += selected;
        Correct += correct;
        Expected += expected;
        Found += found;
        Exact += exact ? 1 : 0;
    }
}
