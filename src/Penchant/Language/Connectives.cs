using System.Text.RegularExpressions;

namespace Penchant.Language;

/// <summary>
/// Connectives of English that change what a clause of a preference does: one that gives a reason ("because", "due to",
/// "even though") and one that turns what follows against ("rather than", "instead of", "over", "without"). Closed-class,
/// hand-written for Penchant.
/// </summary>
internal static partial class Connectives
{
    /// <summary>Matches a clause that opens with a reason ("because …", "due to …", "as it …", "so that …"); the clause is not a wish.</summary>
    [GeneratedRegex(@"^(?:because|due to|since|as i|as it|as they|as\b|so that|even if|even though|although|though)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex Reason();

    /// <summary>Matches a clause that opens by turning against what follows ("rather than", "instead of", "as opposed to", "over", "without").</summary>
    [GeneratedRegex(@"^(?:rather than|instead of|as opposed to|over|without)\b", RegexOptions.CultureInvariant)]
    public static partial Regex Inverting();
}
