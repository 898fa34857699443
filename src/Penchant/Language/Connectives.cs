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

    /// <summary>
    /// Matches the boundary between two clauses of one sentence: a semicolon, or a comma or a coordinating conjunction
    /// ("and", "but", "also", "plus", "oh and") followed by a word that opens a clause of its own (a subject pronoun, "please",
    /// an adverb of frequency, a negation or an imperative verb of assistance). The boundary is the match; the next clause
    /// starts at its end. "Tea and coffee" is no boundary: "coffee" opens no clause.
    /// </summary>
    [GeneratedRegex(@"\s*;\s*|(?:\s*,\s*(?:(?:and|but|also|plus|oh and|and also|but also|and then)\s+)?|\s+(?:and|but|plus|and also|but also)\s+)(?=(?:please|pls|i|i'm|i'd|i've|i'll|im|my|we|we're|our|he|she|they|he's|she's|they're|always|never|also|don't|do not|no longer|keep|use|make|avoid|stop|write|answer|reply|give|sign|include|skip|show|send|put)\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex ClauseBoundary();

    /// <summary>Matches a clause that opens by naming a situation ("when I …", "for work emails", "on weekends"): alone, it sets the scope of the clause after it.</summary>
    [GeneratedRegex(@"^(?:when(?:ever)?|if|any ?time|every time|each time|while|once|for|in|on|at|with|during|after|before)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex SituationLead();

    /// <summary>Matches a clause that opens by giving a reason for what was said before it ("that's because …", "it's for …"): it belongs to the previous clause.</summary>
    [GeneratedRegex(@"^(?:(?:this|that|it)(?:'s| is) (?:because|due to|since|for)|(?:because|due to|since|so that|as it|as they|as i|even if|even though|although|though)\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex ReasonLead();

    /// <summary>
    /// Matches a first-person clause that points back at what was said before it ("I keep that day for my family", "I need
    /// them for work", "we go there every year"): with no stance of its own it explains the wish before it rather than
    /// stating one. Closed-class: a first-person subject, then a demonstrative with a word of time or a plain noun substitute,
    /// or an object pronoun or adverb of place or time that refers back.
    /// </summary>
    [GeneratedRegex(@"^(?:\w+,\s*)?(?:i|i'm|i am|i've|i have|we|we're|we are|my \w+|our \w+)\s.*\b(?:(?:that|this|those|these)\s+(?:day|days|night|nights|week|weeks|weekend|weekends|morning|mornings|evening|evenings|afternoon|afternoons|time|times|hour|hours|month|months|season|one|ones|kind|sort|stuff|place|places)|it|them|there|then)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex BackReference();

    /// <summary>Matches a clause that opens by turning against what follows ("rather than", "instead of", "as opposed to", "over", "without").</summary>
    [GeneratedRegex(@"^(?:rather than|instead of|as opposed to|over|without)\b", RegexOptions.CultureInvariant)]
    public static partial Regex Inverting();
}
