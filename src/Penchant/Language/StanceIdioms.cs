namespace Penchant.Language;

/// <summary>
/// Closed-class idioms of English that frame a preference without naming its object: the openers of a clause that gives
/// a reason, and stance idioms that say the user is against something without a negation cue next to it. General
/// language, hand-written for Penchant (no dataset's wording); read by the object keys of statements.
/// </summary>
internal static class StanceIdioms
{
    /// <summary>
    /// Gets the openers of a clause that gives the reason for a preference: it says why, not what, so its words name no
    /// object. A clause other than the first that opens with one is a reason ("no calls before nine, that's my writing time").
    /// </summary>
    public static IReadOnlyList<string> ReasonOpeners { get; } =
    [
        "because",
        "cause",
        "cos",
        "since",
        "that's",
        "that is",
        "this is",
        "those are",
        "they're",
        "they are",
        "I need that",
        "I need it",
        "I need this",
        "I need those",
        "I need them",
        "so I can",
        "so that",
    ];

    /// <summary>Gets the reason cues that open a reason wherever they stand but at the start of a statement ("no dairy because …").</summary>
    public static IReadOnlyList<string> ReasonAnywhere { get; } = ["because", "cause"];

    /// <summary>
    /// Gets the idioms that follow what the user is against, in the same clause ("garlic is not my friend"); an idiom's own
    /// words name no object.
    /// </summary>
    public static IReadOnlyList<string> AgainstAfter { get; } =
    [
        "is not my friend",
        "isn't my friend",
        "are not my friend",
        "aren't my friend",
        "is no friend of mine",
        "are no friend of mine",
        "and I don't get along",
        "and I do not get along",
        "and me don't get along",
        "doesn't agree with me",
        "does not agree with me",
        "don't agree with me",
        "do not agree with me",
        "is not for me",
        "isn't for me",
        "are not for me",
        "aren't for me",
        "is not my thing",
        "isn't my thing",
        "are not my thing",
        "aren't my thing",
        "is not my cup of tea",
        "isn't my cup of tea",
        "does nothing for me",
        "do nothing for me",
        "is a no-go",
        "is a no go",
        "are a no-go",
        "is off the table",
        "are off the table",
    ];

    /// <summary>Gets the idioms that precede what the user is against, as a negation cue does ("steer clear of dairy").</summary>
    public static IReadOnlyList<string> AgainstBefore { get; } =
    [
        "steer clear of",
        "stay away from",
        "keep away from",
        "sick of",
        "fed up with",
        "tired of",
        "could do without",
        "can do without",
        "not a fan of",
        "no fan of",
        "not big on",
        "not keen on",
        "not into",
        "turned off by",
    ];
}
