using System.Text.RegularExpressions;

namespace Penchant.Language;

/// <summary>
/// Cues of how a user takes an answer, in English: thanks and praise, acceptance, corrections, complaints, requests for
/// another form, sarcasm. Politeness and reaction formulas are closed-class language; these were hand-written for
/// Penchant from everyday replies (no dataset's wording). Read by the rule-based reaction classifier, which weighs them
/// with its embedding classifiers.
/// </summary>
internal static class ReactionCues
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.Compiled;

    /// <summary>Gets the cues of a satisfied reply, each with the reason it gives and its weight: thanks, praise, confirmation, "it worked", acceptance.</summary>
    public static readonly (Regex Pattern, string Reason, double Weight)[] Satisfied =
    [
        (new(@"\b(thanks?|thank you|thx|ty|cheers|much appreciated|appreciate (it|that|this|the)|grazie|merci|danke|gracias)\b", Options), "thanks the assistant", 1.5),
        (new(@"\b(perfect|great|awesome|excellent|brilliant|fantastic|wonderful|amazing|superb|lovely|nice|beautiful|stellar|splendid|outstanding|neat|cool|sweet|clean\.|good (catch|call|tip|pick|idea|one|point|stuff)|great (pick|tip|call|idea|suggestions?))\b", Options), "praises the answer", 1.2),
        (new(@"\b(exactly( what)?|spot on|nailed it|that'?s it|that'?s right|that'?s correct|you'?re right|yes!|yep|yup|yes yes|bingo|just right|just what|what i (needed|wanted|was looking for|was missing)|that'?s the (tone|one|idea))|^(right|correct|true|yes)[.!]*$", Options), "confirms the answer", 1.4),
        (new(@"\b(works? (now|perfectly|great|like a charm)|works[.!]*$|it worked|that worked|worked (perfectly|like a charm|great)|did the trick|fixed it|solved it|that fixed|problem solved|compiles now|runs now|passed (all )?(my|the) tests|all matched|it'?s thriving|was a hit|feels (better|looser))\b", Options), "reports that it worked", 1.6),
        (new(@"\b(helpful|useful|(super|very|so|crystal|nice and) clear|clear and|clear explanation|makes (perfect )?sense|now it clicks|clicks|love (it|this|that|these|the)|i like (it|this|that|these)|much better|way better|so much better|better now|well done|good job|good answer|good to know|short and sweet|concise\.|got it)\b", Options), "finds it helpful", 1.2),
        (new(@"\b(i'?ll (take|use|go with|send|book|add|fix|try|make|do|read|watch|order|buy|cook|update|fill)|i'?m taking|let'?s go with|going with (it|that|this)|sounds good|sounds great|sold|booked( it)?|sending it|ordered( (it|one|the))?|will do|will fix|deal|sounds perfect|that'?ll (do|work)|(making|building|booking|cooking|using|ordering|sending|buying|updating|practi[sc]ing|adding) ((it|that|this|them|one)\b( now| tonight| today| tomorrow)?|now|tonight|today)|it is[.!]|wins)\b", Options), "accepts the answer", 1.2),
    ];

    /// <summary>Gets the cues of a dissatisfied reply, each with the reason it gives and its weight: "wrong", "not what I asked", "still broken", "too long", complaints, retries.</summary>
    public static readonly (Regex Pattern, string Reason, double Weight)[] Dissatisfied =
    [
        (new(@"\b(wrong|incorrect|inaccurate|false|mistaken|(that|this|it|those|these)('?s| is| are|'re) not\b(?! bad)|(isn'?t|aren'?t|wasn'?t) (right|correct|true|a |an |what)|made (that|this|it) up|hallucinat\w*|doesn'?t exist|does not exist|error in|typo|you added|you (mixed|confused)|double[- ]check|are you sure|pretty sure (it'?s|that|you)|(is|are|'?s) the opposite|opposite of|(those|these) are (antonyms|not)|(those|these|they) aren'?t|(that|this|it|which) isn'?t|^(that'?s|this is|it'?s) (in )?(french|spanish|italian|german|english|windows|mac|linux|javascript|python|java|celsius|fahrenheit|american|british)\b|nothing like|none of (those|these|them)|not even close)\b", Options), "says the answer is wrong", 2.0),
        (new(@"\b(not what i (asked|wanted|meant|said|need)|i (\w+ )?(said|asked( for)?|told you|already (said|told|mentioned|listen|have|use|tried)|specifically|explicitly|meant|mentioned)\b|you (ignored|forgot|missed|skipped|left out|kept|didn'?t (read|listen|include|answer|follow|use|do))|did you (even )?read|read (my|the) (question|message) again|as i said|like i said|that'?s what i asked)", Options), "says the request was not followed", 2.0),
        (new(@"\b(still (doesn'?t|does not|not|broken|fails|failing|getting|get|crashes|the same|wrong|no|stuck)|(this|that|it) (just )?(doesn'?t|does not|didn'?t|did not|won'?t|can'?t)\b|doesn'?t (work|compile|run|help|make sense|answer)|didn'?t (work|help|fix|compile)|won'?t (compile|run|work)|not working|broken|crash(es|ed)?|same error|throws|fails?|failed|stuck)\b", Options), "reports that it does not work", 1.8),
        (new(@"\b(too (long|short|wordy|verbose|formal|casual|informal|technical|vague|generic|complicated|complex|simple|basic|much|many|stiff|salesy|cheesy|dry|bland|robotic|expensive|cheap|fancy|sweet|spicy|long-winded|dark|common|cold)|way too|way (over|beyond|more|less)|over (budget|my budget)|beyond (my|the) budget|shorter|longer|simpler|more (concise|brief|briefly|formal|casual|detail|detailed|specific|concrete|examples|professional|friendly|polite|realistic|original|personal|modern|like)|less (formal|casual|wordy|jargon|technical|fluff|detail|text|words|emojis?|hype|professional)|even (colder|worse|longer|more|less)|cut (it|this) down|trim (it|this)|tl;?dr|simplify|dumb (it|this) down|tone it down|be (brief|concise|more|less)|keep it (short|brief|simple|under)|make it (shorter|longer|simpler|more|less|formal|casual|friendlier|punchier|warmer)|(no|without|drop|remove|lose|skip|ditch|stop (using|adding|with)|get rid of) (the )?(emojis?|bullet|bullets|bullet points|headers|headings|disclaimers?|jargon|fluff|preamble|intro|exclamation|hashtags|caveats|markdown|lists?|tables?|capitals|caps|history lesson)|(\w+[- ])?free please|i need (a |an |it )?(proper|real|actual|specific|table|in)|can you actually|actually (answer|summarize|do|give)|real options|be serious|very funny|next time)\b", Options), "asks for a different form", 1.8),
        (new(@"\b(useless|pointless|terrible|awful|horrible|garbage|rubbish|nonsense|worse|unhelpful|not (\w+ )?(helpful|useful|descriptive|catchy|romantic|realistic)|no help|waste of time|disappointing|ridiculous|annoying|frustrating|come on|seriously|are you kidding|ugh+|argh+|meh|sigh|nope|no no|not really|not quite|not at all|irrelevant|off[- ]topic|missed the point|generic|cookie-cutter|boring|bland|i give up|whoa|literally)\b", Options), "complains", 1.6),
        (new(@"\b(try again|redo|re-?do it|start over|one more time|again,|once more|rewrite (it|this|that)|please fix|fix (it|this|that)|change (it|that|this)|rephrase|regenerate|another (try|attempt|version))\b", Options), "asks for another attempt", 1.5),
        (new(@"^(no|nah|nope|hmm,? no|uh,? no|um,? no|wait,? no)\b[,.! ]|\bno[.!]+$|\?\?", Options), "rejects the answer", 1.4),
        (new(@"\b(why (did|would) you|why is (it|this|there)|where is the|where'?s the|what happened to (the|my)|who asked for|i didn'?t ask for|i never asked|nobody asked|i was (hoping|thinking|expecting|looking) (for|more|of))\b", Options), "questions what was done", 1.5),
        (new(@"\b((instead|rather than)(?![^.!]*\?)|use (metric|imperial|celsius|fahrenheit|c#|python|typescript|british|american|plain|simple|formal|informal|the metric))\b|^[\w' -]{2,30},? please[.!]*$|^(in |for )?[\w' -]{2,25}[.!]? [\w' -]{0,20}please\b|^(she'?s|he'?s|they'?re|i'?m|we'?re|it'?s) (\w+ ){0,3}\w+[.!] (simpler|shorter|longer|make|not|please|try)|^(beginners|friday|beach|healthy|vegan|python|metric)\b", Options), "asks for something else", 1.3),
    ];

    /// <summary>Gets the pattern of sarcastic thanks or praise ("thanks for nothing", "oh great", "yeah, right").</summary>
    public static readonly Regex Sarcasm = new(
        @"(thanks for nothing|thanks a lot\b.*\b(not|never|wrong|useless|didn'?t)|\boh (great|wonderful|perfect|brilliant|fantastic|lovely)|\bgreat,? (another|just what|now|so|thanks)\b|\bwow[.,!]* (thanks|so|really|great|amazing|that)|\byeah,? (right|super|really|very|so|great|totally)|\bsure,? (because|that)|very helpful,? not|\bnot\.$|(super|so|very|real(ly)?) helpful(\.{2,}|,? really)|how helpful\.|what a (great|helpful|brilliant) (answer|idea|suggestion)|thanks,? i guess|cool story|nice try|good one\.|\w\.\.\.? ?(if|only|except|but)\b|(brilliant|perfect|great|lovely|wonderful)\.\.|just perfect\.|love how you|love that you (ignored|forgot|missed|used|added|completely)|because that'?s (totally|exactly|definitely)|if i wanted .+ i would have|\bas if\b|(will|would) go (well|down well)\.|really take me seriously|so detailed)",
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
