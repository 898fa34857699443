using System.Text.RegularExpressions;

namespace Penchant.Language;

/// <summary>
/// Cues of how a user takes an answer, in English: thanks and praise, acceptance, corrections, complaints, requests for
/// another form, sarcasm. Politeness and reaction formulas are closed-class language; these were hand-written for
/// Penchant from everyday replies (no dataset's wording). They are features of the learned reaction classifier, and the
/// rule-based one weighs them with its embedding classifiers.
/// </summary>
internal static class ReactionCues
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.Compiled;

    /// <summary>Gets the cues of a satisfied reply, each with the reason it gives and its weight: thanks, praise, confirmation, "it worked", acceptance.</summary>
    public static readonly (Regex Pattern, string Reason, double Weight)[] Satisfied =
    [
        (new(@"\b(thanks?|thank you|thx|ty|cheers|much appreciated|appreciate (it|that|this|the)|grazie|merci|danke|gracias)\b", Options), "thanks the assistant", 1.5),
        (new(@"\b(perfect|great|awesome|excellent|brilliant|fantastic|wonderful|amazing|superb|lovely|nice|beautiful|splendid|outstanding|neat|cool|sweet|good (catch|call|tip|pick|idea|one|point|stuff)|great (pick|tip|call|idea|suggestions?))\b", Options), "praises the answer", 1.2),
        (new(@"\b(exactly( what)?|spot on|nailed it|that'?s it|that'?s right|that'?s correct|you'?re right|yes!|yep|yup|bingo|just right|just what|what i (needed|wanted|was looking for))|^(right|correct|true|yes)[.!]*$", Options), "confirms the answer", 1.4),
        (new(@"\b(works? (now|perfectly|great|fine)|works[.!]*$|it worked|that worked|worked (perfectly|great)|did the trick|fixed it|solved it|that fixed|problem solved|(compiles|runs|loads|passes) now)\b", Options), "reports that it worked", 1.6),
        (new(@"\b(helpful|useful|(very|so|crystal) clear|makes (perfect )?sense|love (it|this|that|these)|i like (it|this|that|these)|much better|way better|so much better|better now|well done|good job|good answer|good to know|got it)\b", Options), "finds it helpful", 1.2),
        (new(@"\b(i'?ll (take|use|go with|try)|let'?s go with|going with (it|that|this)|sounds (good|great|perfect)|will do|that'?ll (do|work))\b", Options), "accepts the answer", 1.2),
    ];

    /// <summary>Gets the cues of a dissatisfied reply, each with the reason it gives and its weight: "wrong", "not what I asked", "still broken", "too long", complaints, retries.</summary>
    public static readonly (Regex Pattern, string Reason, double Weight)[] Dissatisfied =
    [
        (new(@"\b(wrong|incorrect|inaccurate|false|mistaken|(that|this|it)('?s| is) not (right|correct|true)|(isn'?t|aren'?t|wasn'?t) (right|correct|true)|made (that|this|it) up|doesn'?t exist|does not exist|are you sure|not even close)\b", Options), "says the answer is wrong", 2.0),
        (new(@"\b(not what i (asked|wanted|meant|said|need)|i (said|asked( for)?|told you|already (said|told|mentioned|tried)|specifically|explicitly|meant)\b|you (ignored|forgot|missed|skipped|left out|didn'?t (read|listen|include|answer|follow))|did you (even )?read|as i said|like i said)", Options), "says the request was not followed", 2.0),
        (new(@"\b(still (doesn'?t|does not|not|broken|fails|failing|wrong)|doesn'?t (work|help|make sense|answer)|didn'?t (work|help|fix)|won'?t (run|work)|not working|broken|same error|fails?|failed)\b", Options), "reports that it does not work", 1.8),
        (new(@"\b(too (long|short|formal|casual|technical|vague|generic|complicated|simple|much|many|expensive)|way too|shorter|longer|simpler|more (concise|formal|casual|detail|detailed|specific|examples)|less (formal|casual|technical|detail)|cut (it|this) down|simplify|tone it down|keep it (short|brief|simple)|make it (shorter|longer|simpler|more|less))\b", Options), "asks for a different form", 1.8),
        (new(@"\b(useless|pointless|terrible|awful|horrible|garbage|rubbish|nonsense|unhelpful|not (very )?(helpful|useful)|no help|waste of time|disappointing|ridiculous|annoying|frustrating|come on|seriously|ugh+|meh|sigh|not really|not quite|irrelevant|missed the point|generic|boring)\b", Options), "complains", 1.6),
        (new(@"\b(try again|redo|start over|one more time|once more|rewrite (it|this|that)|please fix|fix (it|this|that)|rephrase|another (try|attempt|version))\b", Options), "asks for another attempt", 1.5),
        (new(@"^(no|nah|nope|hmm,? no|wait,? no)\b[,.! ]|\?\?", Options), "rejects the answer", 1.4),
        (new(@"\b(why (did|would) you|i didn'?t ask for|i never asked|nobody asked)\b", Options), "questions what was done", 1.5),
    ];

    /// <summary>Gets the pattern of sarcastic thanks or praise ("oh great", "yeah, right", "thanks a lot" next to a complaint).</summary>
    public static readonly Regex Sarcasm = new(
        @"(thanks for nothing|thanks a lot\b.*\b(not|never|wrong|useless|didn'?t)|\boh (great|wonderful|perfect|brilliant|fantastic|lovely)|\bwow[.,!]* (thanks|so|really|great)|\byeah,? (right|sure)|\bsure,? because|very helpful,? not|\bnot\.$|(super|so|very|real(ly)?) helpful\.{2,}|thanks,? i guess|nice try|(brilliant|perfect|great|lovely|wonderful)\.\.|\bas if\b)",
        Options);

    /// <summary>Gets the pattern of a contrast ("but", "however", "one thing"): what follows it is what the user wants changed.</summary>
    public static readonly Regex Contrast = new(@"\b(but|however|though|although|except|only (issue|problem|thing)|just one thing|one thing|one problem|that said|although|yet)\b", Options);

    /// <summary>Gets the pattern of a sentence that asks for a change ("shorter", "no emojis", "use metric", "too long").</summary>
    public static readonly Regex Wish = new(
        @"\b(shorter|longer|simpler|more|less|fewer|no|without|drop|remove|skip|avoid|don'?t|do not|stop|never|always|use|keep|make it|make them|write it|in (bullet|bullets|a list|a table|prose|plain|metric|celsius|british|formal|casual)|too \w+|instead|rather|switch to|add)\b",
        Options);

    /// <summary>Gets the pattern of an interjection that opens a reply without being part of the wish ("ugh", "ok", "thanks").</summary>
    public static readonly Regex WishNoise = new(
        @"^(ugh+|argh+|meh|sigh|hmm+|nope|no|nah|ok|okay|well|again|seriously|come on|please|pls|thanks|thank you|great|perfect|nice|wait|look|listen)[,.!:;]*\s+",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

    /// <summary>Gets the pattern of an outright complaint ("wrong", "doesn't work", "I said", "still").</summary>
    public static readonly Regex Complaint = new(
        @"\b(wrong|incorrect|useless|terrible|awful|not what i|doesn'?t work|not working|broken|i said|i asked|i told you|you ignored|you forgot|you missed|thanks for nothing|still)\b",
        Options);
}
