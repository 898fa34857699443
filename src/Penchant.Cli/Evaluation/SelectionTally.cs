namespace Penchant.Cli.Evaluation;

/// <summary>Micro-averaged counts of a selection evaluation (over all cases, or one category).</summary>
internal sealed class SelectionTally
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

    /// <summary>Gets the harmonic mean of precision and recall.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>Gets the share of cases that are exactly right.</summary>
    public double ExactRate => Cases == 0 ? 0 : (double)Exact / Cases;

    /// <summary>Adds one case.</summary>
    public void Add(SelectionCaseResult result)
    {
        Cases++;
        Selected += result.Selected.Count;
        Correct += result.CorrectSelected;
        Expected += result.Case.Expected.Count;
        Found += result.Found;
        Exact += result.IsExact ? 1 : 0;
    }
}
