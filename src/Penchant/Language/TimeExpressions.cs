using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Penchant.Language;

/// <summary>
/// Time expressions in English: standing instructions ("from now on"), changes of state ("again", "no longer", "used to",
/// "these days") and the words that join the ends of a range ("Tuesday to Thursday"). Closed-class, hand-written for
/// Penchant; the days, months and times of day themselves are concepts of <c>Resources/object-synonyms.json</c>.
/// </summary>
internal static partial class TimeExpressions
{
    /// <summary>Gets the words that join the two ends of a range of days ("to", "through", "thru", "till", "until").</summary>
    public static FrozenSet<string> RangeConnectors { get; } = FrozenSet.Create(StringComparer.Ordinal, ["to", "through", "thru", "till", "until"]);

    /// <summary>Matches a cue that an instruction holds from now on ("from now on", "going forward", "in the future").</summary>
    [GeneratedRegex(@"\b(from now on|going forward|in (the )?future)\b", RegexOptions.CultureInvariant)]
    public static partial Regex FromNowOn();

    /// <summary>
    /// Matches a cue that a statement changes an earlier one: a change in time ("again", "anymore", "no longer", "used to",
    /// "these days", "now"), a correction ("actually", "turns out") or an event that ends a state ("moved", "sold", "quit").
    /// </summary>
    [GeneratedRegex(@"\b(again|anymore|any more|no longer|not anymore|actually|changed|changed my mind|these days|now that|now|switch|switched|moved|relocated|sold|dropped|adopted|left|lately|new job|forget|instead|nowadays|started|stopped|gave up|given up|quit|used to|from now on|turns out|turned out|update:|correction)\b", RegexOptions.CultureInvariant)]
    public static partial Regex Change();
}
