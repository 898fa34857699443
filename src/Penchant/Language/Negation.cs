using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Penchant.Language;

/// <summary>
/// Negation in English: the words and patterns that turn a statement, a clause or a word against what it names.
/// Closed-class, hand-written for Penchant (general language, no domain terms beyond the "-free" of "gluten-free").
/// </summary>
/// <remarks>
/// Each reader was tuned with its own list, and they differ, so they are kept side by side rather than merged (merging
/// would change what the evaluations measure): <see cref="Cues"/> are whole words for what a statement is about (with
/// "than", "instead", "nor", "zero"; of the verbs of dislike only "hate", "dislike" and "avoid"); <see cref="StatementCue"/>
/// marks a whole statement negative (with allergies, "less", "out of", "free of"); <see cref="ClauseCue"/> marks one clause
/// of a preference against its object (many more verbs and adjectives of dislike, "hard to", "boring", but no "without",
/// which inverts the clause instead); <see cref="NegatedWord"/> finds the word a request negates ("isn't vegan",
/// "non-alcoholic"). The stop words (<see cref="TextTools.IsStopWord"/>) hold "not", "no", "never", "dont" and "doesnt" too.
/// </remarks>
internal static partial class Negation
{
    /// <summary>Gets the words that turn against what follows them closely in the same clause ("no emoji", "never check a bag", "rather … than big chains").</summary>
    public static FrozenSet<string> Cues { get; } = FrozenSet.Create(
        StringComparer.Ordinal,
        [
            "no", "not", "never", "without", "avoid", "avoiding", "hate", "dislike", "nothing", "skip", "than", "instead", "nor",
            "dont", "doesnt", "cant", "wont", "stop", "zero",
        ]);

    /// <summary>Matches a cue that makes a whole statement negative ("no", "don't", "allergic", "-free", "out of").</summary>
    [GeneratedRegex(@"\b(no|not|never|don'?t|do not|doesn'?t|avoid|avoiding|hate|dislike|can'?t stand|cannot stand|aversion|without|skip|stop|allerg\w*|intoleran\w*|free of|-free|less|nothing|out of|phobia|fear|refuse|despise|loathe)\b", RegexOptions.CultureInvariant)]
    public static partial Regex StatementCue();

    /// <summary>
    /// Matches a verb of leaving something out ("leave out garlic", "leave the onions out", "omit", "skip", "cut out", "hold
    /// the"): what follows is unwanted, though no negation says so.
    /// </summary>
    [GeneratedRegex(@"\b(?:leave|leaving|leaves)\s+(?:out\b|(?:the\s+|any\s+|all\s+)?[\w-]+(?:\s+[\w-]+)?\s+out\b(?!\s+of\b))|\b(?:omit|omitting|skip|skipping|cut out|cutting out|hold the|go easy on|go light on)\b", RegexOptions.CultureInvariant)]
    public static partial Regex Omission();

    /// <summary>Matches a cue that puts one clause of a preference against its object ("avoid", "can't stand", "boring", "sick of").</summary>
    [GeneratedRegex(@"\b(?:no|not|never|don'?t|do not|doesn'?t|avoid\w*|hate|dislike\w*|can'?t stand|cannot stand|aversion|averse|refuse|despis\w*|detest\w*|loath\w*|can'?t|cannot|won'?t|will not|wouldn'?t|sensitive to|fear|afraid|scared|phobia|allerg\w*|intoleran\w*|steer clear|stay away|no interest|ineffective|difficult|hard to|bores? me|boring|uncomfortable|nauseous|tedious|annoying|frustrat\w*|overwhelm\w*|distress\w*|disorient\w*|objection|opposed|against|can'?t handle|cannot handle|tired of|sick of|unpleasant|irritat\w*)\b", RegexOptions.CultureInvariant)]
    public static partial Regex ClauseCue();

    /// <summary>Matches a negated word (group <c>word</c>): "isn't vegan", "no code", "without onions", "non-alcoholic".</summary>
    [GeneratedRegex(@"\b(?:isn'?t|is not|aren'?t|are not|not|no longer|no|without|non-?)\s*(?:a |an |any )?(?<word>[a-z][a-z-]+)", RegexOptions.CultureInvariant)]
    public static partial Regex NegatedWord();

    /// <summary>Matches where a negated qualifier starts: "… that are not tested on animals", "… that don't involve", "… free from …".</summary>
    [GeneratedRegex(@"\s(?:that|which|who)\s+(?:\w+\s+){0,2}?(?:not|never|don'?t|doesn'?t|isn'?t|aren'?t|haven'?t|hasn'?t|won'?t)\b|\s(?:that\s+(?:are|is)\s+)?free (?:from|of)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex NegatedQualifier();

    /// <summary>Matches "X-free" (group <c>object</c> is X): "gluten-free", "fragrance-free".</summary>
    [GeneratedRegex(@"(?<object>\b[\w-]+?)-free\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex FreeOf();
}
