using System.Globalization;

namespace Penchant.Evaluation.Evaluators;

/// <summary>The result of the scoped-feedback evaluation: shares of probes where the feedback's preference is selected.</summary>
/// <param name="Items">How many feedback items ran.</param>
/// <param name="NoPreference">How many items produced no preference at all.</param>
/// <param name="InScope">The in-scope probes: (fired, total).</param>
/// <param name="NearScope">The near-scope probes: (fired, total).</param>
/// <param name="OutScope">The out-of-scope probes: (fired, total).</param>
/// <param name="Narrowed">The probes under a narrowing, after it: (still fired, total).</param>
/// <param name="Kept">The in-scope probes outside the narrowing, after it: (still fired, total).</param>
/// <param name="Misses">One readable line per wrong probe.</param>
public sealed record FeedbackReport(
    int Items, int NoPreference, (int Fired, int Total) InScope, (int Fired, int Total) NearScope, (int Fired, int Total) OutScope,
    (int Fired, int Total) Narrowed, (int Fired, int Total) Kept, IReadOnlyList<string> Misses)
{
    /// <summary>Gets the summary line: <c>feedback: n= in_scope= near_scope_false= out_scope_false= narrowed_false= narrowed_kept=</c>.</summary>
    public string Summary => string.Create(
        CultureInfo.InvariantCulture,
        $"feedback: n={Items} in_scope={Share(InScope):0.000} near_scope_false={Share(NearScope):0.000} out_scope_false={Share(OutScope):0.000} narrowed_false={Share(Narrowed):0.000} narrowed_kept={Share(Kept):0.000}");

    private static double Share((int Fired, int Total) part) => part.Total == 0 ? 0 : (double)part.Fired / part.Total;
}
