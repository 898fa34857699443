using System.Text.RegularExpressions;

namespace Penchant.Language;

/// <summary>
/// Cues of a favourable stance and of how strongly a stance is held, in English: verbs of liking ("prefer", "love"),
/// intensifiers ("really", "strongly") and absolutes ("never", "always", "under no circumstances"). Closed-class,
/// hand-written for Penchant. The stance against is <see cref="Negation"/>'s.
/// </summary>
/// <remarks>
/// <see cref="Positive"/> (whole statements) and <see cref="PositiveClause"/> (one clause of a preference) differ, as the
/// negative cues do: the clause cue has more verbs ("appreciate", "choose", "follow") and "only"/"exclusively"; both are kept.
/// </remarks>
internal static partial class StanceCues
{
    /// <summary>Matches a cue that a statement is for something ("prefer", "love", "fan of").</summary>
    [GeneratedRegex(@"\b(prefer|like|love|enjoy|want|favou?rite|fan of|into)\b", RegexOptions.CultureInvariant)]
    public static partial Regex Positive();

    /// <summary>Matches a cue that one clause of a preference asks for its object ("prefer", "only", "interested").</summary>
    [GeneratedRegex(@"\b(?:prefer\w*|like|love|enjoy|want|favou?r\w*|only|exclusively|fan of|into|interested|passionate|appreciate|choose|follow)\b", RegexOptions.CultureInvariant)]
    public static partial Regex PositiveClause();

    /// <summary>Matches an absolute ("never", "always", "must", "at all", a medical condition): a stance held without exception.</summary>
    [GeneratedRegex(@"\b(never|always|strictly|absolutely|severe|allergic|allerg|intolerant|celiac|coeliac|under no circumstances|religious|must|at all)\b", RegexOptions.CultureInvariant)]
    public static partial Regex Absolute();

    /// <summary>Matches an intensifier ("strongly", "really", "definitely", "only"): a stance held strongly.</summary>
    [GeneratedRegex(@"\b(strong(ly)?|really|hate|love|can'?t stand|aversion|only|definitely)\b", RegexOptions.CultureInvariant)]
    public static partial Regex Strong();

    /// <summary>
    /// Matches a cue that a request makes an exception to a standing preference ("just this once", "for a change", "ignore my …",
    /// "make an exception", "cheat day").
    /// </summary>
    [GeneratedRegex(@"\b(just this once|for once|this once|only this time|just this time|this time|just for (tonight|today|this)|for tonight only|ignore (my|the)|forget (about )?(my|the)|never mind (my|the)|regardless of (my|the)|despite (my|the)|even though|even if|make an exception|exception to|instead of (my )?usual|not my usual|for a change|cheat day|break (my|the) rule|override)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex Override();
}
