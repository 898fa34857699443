using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Penchant.Language;

/// <summary>
/// Function words of English by the role the readers give them: prepositions, words that restrict or condition what
/// precedes or follows them, the words after which a word is a verb, and first-person pronouns. Closed-class, hand-written
/// for Penchant (the stop words are <see cref="TextTools.IsStopWord"/>'s).
/// </summary>
internal static partial class FunctionWords
{
    /// <summary>Gets the prepositions a negation does not reach past when they follow an object ("never emojis in emails" is not against email).</summary>
    public static FrozenSet<string> Prepositions { get; } = FrozenSet.Create(
        StringComparer.Ordinal,
        ["in", "to", "for", "on", "at", "from", "by", "of", "about", "after", "before", "during", "into"]);

    /// <summary>Gets the words that restrict the object before them ("hotels that …", "any present over 50 euros"): a negation is then about the restriction.</summary>
    public static FrozenSet<string> Restrictions { get; } = FrozenSet.Create(
        StringComparer.Ordinal,
        ["that", "which", "who", "with", "over", "above", "under", "more", "longer", "costing"]);

    /// <summary>Gets the words that open a condition: what follows them in their clause says when, not what ("ramen when I eat out with friends").</summary>
    public static FrozenSet<string> ConditionCues { get; } = FrozenSet.Create(StringComparer.Ordinal, ["when", "whenever", "if", "while"]);

    /// <summary>Gets the words after which a word is a verb: personal pronouns, "to", modals, contracted negations and adverbs of frequency.</summary>
    public static FrozenSet<string> VerbCues { get; } = FrozenSet.Create(
        StringComparer.Ordinal,
        ["i", "we", "you", "they", "he", "she", "to", "will", "would", "can", "could", "should", "must", "id", "dont", "cant", "wont", "always", "usually", "often", "never", "sometimes", "also", "rarely", "only", "just"]);

    /// <summary>Matches a first-person pronoun ("I", "I'm", "my", "me", "myself") in lower-case text.</summary>
    [GeneratedRegex(@"\b(i|i'?m|my|me|myself)\b", RegexOptions.CultureInvariant)]
    public static partial Regex FirstPerson();

    /// <summary>Matches a request made for the user themself ("for me", "for myself", "myself").</summary>
    [GeneratedRegex(@"\bfor (?:me|myself)\b|\bmyself\b", RegexOptions.CultureInvariant)]
    public static partial Regex ForSelf();

    /// <summary>Matches the start of a question: a wh-word or an auxiliary verb first ("what …", "is there …", "could …").</summary>
    [GeneratedRegex(@"^\s*(what|which|who|whom|whose|why|how|where|when (is|are|was|did|does|do|will)|is|are|was|were|do|does|did|can|could|would|will|should|shall|may|might)\b", RegexOptions.CultureInvariant)]
    public static partial Regex QuestionStart();

    /// <summary>Matches words addressed to the assistant ("can you", "I'd like you to", "you said", "are you").</summary>
    [GeneratedRegex(@"\b(i'?d like you to|i would like you to|can you|could you|would you|will you|you are|you'?re|you said|are you|i hope you)\b", RegexOptions.CultureInvariant)]
    public static partial Regex AddressesAssistant();

    /// <summary>Matches a phrase that names no thing: a pronoun alone ("it", "everything", "people") or one with "I", "you" or "we" in it.</summary>
    [GeneratedRegex(@"^(?:i|you|we|he|she|it|they|this|that|everything|anything|something|nothing|one|people|everyone|someone)$|\b(?:i|you|we)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex NotAThing();

    /// <summary>Matches a leading personal subject and its modal ("I want to …", "you need to …", "we …") at the start of a phrase.</summary>
    [GeneratedRegex(@"^\s*(?:i|you|we)\s+(?:(?:want to|need to|have to|ask you to|get to)\s+)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex LeadingSubject();
}
