using System.Globalization;
using System.Numerics.Tensors;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;
using Penchant.Language;
using Penchant.Numerics;
using Penchant.Signals;

namespace Penchant.Learning.Feedback;

/// <summary>
/// The default reaction classifier, with no language model: rules read thanks, praise, acceptance, corrections, complaints,
/// sarcasm and mixed replies ("thanks, but too long"); a repeated or rephrased request is found by its embedding's similarity
/// to the earlier request; three one-versus-rest logistic classifiers over sentence embeddings, trained on hand-written seed
/// sentences, weigh in everywhere and decide what the rules leave open.
/// </summary>
/// <remarks>Thread-safe. The classifiers are trained once, on first use (under a second on two cores).</remarks>
public sealed class RuleBasedReactionClassifier : IReactionClassifier
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.Compiled;

    private static readonly (Regex Pattern, string Reason, double Weight)[] SatisfiedCues =
    [
        (new(@"\b(thanks?|thank you|thx|ty|cheers|much appreciated|appreciate (it|that|this|the)|grazie|merci|danke|gracias)\b", Options), "thanks the assistant", 1.5),
        (new(@"\b(perfect|great|awesome|excellent|brilliant|fantastic|wonderful|amazing|superb|lovely|nice|beautiful|stellar|splendid|outstanding|neat|cool|sweet|clean\.|good (catch|call|tip|pick|idea|one|point|stuff)|great (pick|tip|call|idea|suggestions?))\b", Options), "praises the answer", 1.2),
        (new(@"\b(exactly( what)?|spot on|nailed it|that'?s it|that'?s right|that'?s correct|you'?re right|yes!|yep|yup|yes yes|bingo|just right|just what|what i (needed|wanted|was looking for|was missing)|that'?s the (tone|one|idea))|^(right|correct|true|yes)[.!]*$", Options), "confirms the answer", 1.4),
        (new(@"\b(works? (now|perfectly|great|like a charm)|works[.!]*$|it worked|that worked|worked (perfectly|like a charm|great)|did the trick|fixed it|solved it|that fixed|problem solved|compiles now|runs now|passed (all )?(my|the) tests|all matched|it'?s thriving|was a hit|feels (better|looser))\b", Options), "reports that it worked", 1.6),
        (new(@"\b(helpful|useful|(super|very|so|crystal|nice and) clear|clear and|clear explanation|makes (perfect )?sense|now it clicks|clicks|love (it|this|that|these|the)|i like (it|this|that|these)|much better|way better|so much better|better now|well done|good job|good answer|good to know|short and sweet|concise\.|got it)\b", Options), "finds it helpful", 1.2),
        (new(@"\b(i'?ll (take|use|go with|send|book|add|fix|try|make|do|read|watch|order|buy|cook|update|fill)|i'?m taking|let'?s go with|going with (it|that|this)|sounds good|sounds great|sold|booked( it)?|sending it|ordered( (it|one|the))?|will do|will fix|deal|sounds perfect|that'?ll (do|work)|(making|building|booking|cooking|using|ordering|sending|buying|updating|practi[sc]ing|adding) ((it|that|this|them|one)\b( now| tonight| today| tomorrow)?|now|tonight|today)|it is[.!]|wins)\b", Options), "accepts the answer", 1.2),
    ];

    private static readonly (Regex Pattern, string Reason, double Weight)[] DissatisfiedCues =
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

    private static readonly Regex Sarcasm = new(
        @"(thanks for nothing|thanks a lot\b.*\b(not|never|wrong|useless|didn'?t)|\boh (great|wonderful|perfect|brilliant|fantastic|lovely)|\bgreat,? (another|just what|now|so|thanks)\b|\bwow[.,!]* (thanks|so|really|great|amazing|that)|\byeah,? (right|super|really|very|so|great|totally)|\bsure,? (because|that)|very helpful,? not|\bnot\.$|(super|so|very|real(ly)?) helpful(\.{2,}|,? really)|how helpful\.|what a (great|helpful|brilliant) (answer|idea|suggestion)|thanks,? i guess|cool story|nice try|good one\.|\w\.\.\.? ?(if|only|except|but)\b|(brilliant|perfect|great|lovely|wonderful)\.\.|just perfect\.|love how you|love that you (ignored|forgot|missed|used|added|completely)|because that'?s (totally|exactly|definitely)|if i wanted .+ i would have|\bas if\b|(will|would) go (well|down well)\.|really take me seriously|so detailed)",
        Options);

    private static readonly Regex Contrast = new(@"\b(but|however|though|although|except|only (issue|problem|thing)|just one thing|one thing|one problem|that said|although|yet)\b", Options);

    private static readonly Regex WishSentence = new(
        @"\b(shorter|longer|simpler|more|less|fewer|no|without|drop|remove|skip|avoid|don'?t|do not|stop|never|always|use|keep|make it|make them|write it|in (bullet|bullets|a list|a table|prose|plain|metric|celsius|british|formal|casual)|too \w+|instead|rather|switch to|add)\b",
        Options);

    private static readonly Regex WishNoise = new(
        @"^(ugh+|argh+|meh|sigh|hmm+|nope|no|nah|ok|okay|well|again|seriously|come on|please|pls|thanks|thank you|great|perfect|nice|wait|look|listen)[,.!:;]*\s+",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

    private static readonly Regex Complaint = new(
        @"\b(wrong|incorrect|useless|terrible|awful|not what i|doesn'?t work|not working|broken|i said|i asked|i told you|you ignored|you forgot|you missed|thanks for nothing|still)\b",
        Options);

    private readonly IEmbeddingGenerator<string, Embedding<float>> _embeddings;
    private readonly SemaphoreSlim _trainLock = new(1, 1);
    private LogisticClassifier[]? _classifiers;

    /// <summary>Initializes a new instance of the <see cref="RuleBasedReactionClassifier"/> class.</summary>
    /// <param name="embeddings">The embedding generator the classifiers read.</param>
    public RuleBasedReactionClassifier(IEmbeddingGenerator<string, Embedding<float>> embeddings)
    {
        ArgumentNullException.ThrowIfNull(embeddings);
        _embeddings = embeddings;
    }

    /// <summary>Gets or sets the cosine similarity to the earlier request above which the next message counts as the request asked again.</summary>
    /// <value>The default is 0.82.</value>
    public double RepeatSimilarity { get; set; } = 0.82;

    /// <inheritdoc/>
    public async ValueTask<ReactionClassification> ClassifyAsync(string? request, string? answer, string turn, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(turn);
        string text = turn.Trim();
        LogisticClassifier[] classifiers = await GetClassifiersAsync(cancellationToken).ConfigureAwait(false);
        bool hasRequest = !string.IsNullOrWhiteSpace(request);
        GeneratedEmbeddings<Embedding<float>> vectors = await _embeddings
            .GenerateAsync(hasRequest ? [text, request!.Trim()] : [text], cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        ReadOnlySpan<float> vector = vectors[0].Vector.Span;
        double repeat = hasRequest ? TensorPrimitives.CosineSimilarity(vector, vectors[1].Vector.Span) : 0;
        return Decide(text, repeat, classifiers[0].Predict(vector), classifiers[1].Predict(vector), classifiers[2].Predict(vector));
    }

    /// <summary>Combines the rules, the repeat similarity and the classifier probabilities into a classification.</summary>
    internal ReactionClassification Decide(string text, double repeat, double pSatisfied, double pDissatisfied, double pNeutral)
    {
        string lower = text.ToLowerInvariant().Replace('’', '\'');
        (double sat, string? satReason) = Score(SatisfiedCues, lower);
        (double dis, string? disReason) = Score(DissatisfiedCues, lower);

        if (Sarcasm.IsMatch(lower) && (dis > 0 || sat > 0 || pDissatisfied > 0.3))
        {
            dis += 3.0;
            disReason = "sarcastic thanks or praise";
            sat = 0;
        }
        else if (sat > 0 && dis > 0 && Contrast.IsMatch(lower))
        {
            // "Thanks, but it's far too long": the part after the contrast is what the user wants changed.
            dis += 1.0;
            disReason = "accepts part but asks for a change: " + disReason;
        }

        bool repeated = repeat >= RepeatSimilarity && !lower.Contains("thank", StringComparison.Ordinal);
        if (repeated)
        {
            dis += 2.5;
            disReason ??= "repeats or rephrases the request";
        }

        double sSat = sat + (3.0 * pSatisfied);
        double sDis = dis + (3.0 * pDissatisfied);
        double sNeu = 0.8 + (3.0 * pNeutral) - (0.3 * (sat + dis));
        if (sDis >= sSat && sDis > sNeu)
        {
            string reason = disReason ?? string.Create(CultureInfo.InvariantCulture, $"reads as dissatisfied (classifier {pDissatisfied:0.00})");
            return new ReactionClassification(ReactionLabel.Dissatisfied, reason, Confidence(sDis, sSat, sNeu), WishOf(text));
        }

        if (sSat > sDis && sSat > sNeu)
        {
            string reason = satReason ?? string.Create(CultureInfo.InvariantCulture, $"reads as satisfied (classifier {pSatisfied:0.00})");
            return new ReactionClassification(ReactionLabel.Satisfied, reason, Confidence(sSat, sDis, sNeu));
        }

        return new ReactionClassification(ReactionLabel.Neutral, "follows up without judging the answer", Confidence(sNeu, sSat, sDis));
    }

    /// <summary>Finds the wish a correction states ("shorter, and no emojis"), in the user's words, or <see langword="null"/>.</summary>
    internal static string? WishOf(string text)
    {
        var kept = new List<string>();
        foreach (string sentence in TextTools.Sentences(text))
        {
            // Clause by clause, so "That's wrong, shorter please" keeps the wish and drops the complaint.
            var clauses = new List<string>();
            foreach (string part in sentence.Split(','))
            {
                string s = part.Trim();
                for (int i = 0; i < 3; i++)
                {
                    string stripped = WishNoise.Replace(s, string.Empty);
                    if (stripped.Length == s.Length)
                    {
                        break;
                    }

                    s = stripped;
                }

                string lower = s.ToLowerInvariant();
                if (s.Length >= 4 && WishSentence.IsMatch(lower) && !Complaint.IsMatch(lower) && !lower.TrimEnd().EndsWith('?'))
                {
                    clauses.Add(s);
                }
            }

            if (clauses.Count > 0)
            {
                string joined = string.Join(", ", clauses);
                kept.Add(joined.EndsWith('.') || joined.EndsWith('!') ? joined : joined + ".");
            }
        }

        if (kept.Count == 0)
        {
            return null;
        }

        string wish = string.Join(' ', kept).Trim();
        return wish.Length > 300 ? wish[..300] : char.ToUpperInvariant(wish[0]) + wish[1..];
    }

    private static double Confidence(double winner, double a, double b)
    {
        double margin = winner - Math.Max(a, b);
        return Math.Round(LogisticClassifier.Sigmoid(margin), 3);
    }

    private static (double Score, string? Reason) Score((Regex Pattern, string Reason, double Weight)[] cues, string lower)
    {
        double score = 0;
        double best = 0;
        string? reason = null;
        foreach ((Regex pattern, string why, double weight) in cues)
        {
            if (pattern.IsMatch(lower))
            {
                score += weight;
                if (weight > best)
                {
                    best = weight;
                    reason = why;
                }
            }
        }

        return (score, reason);
    }

    private async Task<LogisticClassifier[]> GetClassifiersAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _classifiers) is { } ready)
        {
            return ready;
        }

        await _trainLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_classifiers is null)
            {
                string[][] seeds = LoadSeeds();
                string[] all = [.. seeds[0], .. seeds[1], .. seeds[2]];
                GeneratedEmbeddings<Embedding<float>> vectors = await _embeddings.GenerateAsync(all, cancellationToken: cancellationToken).ConfigureAwait(false);
                var x = new float[all.Length][];
                var labels = new int[all.Length];
                for (int i = 0, k = 0; k < seeds.Length; k++)
                {
                    for (int j = 0; j < seeds[k].Length; j++, i++)
                    {
                        x[i] = vectors[i].Vector.ToArray();
                        labels[i] = k;
                    }
                }

                var classifiers = new LogisticClassifier[3];
                for (int k = 0; k < 3; k++)
                {
                    double[] y = [.. labels.Select(l => l == k ? 1.0 : 0.0)];
                    classifiers[k] = LogisticClassifier.Train(x, y, l2: 0.01, epochs: 300, learningRate: 0.5);
                }

                Volatile.Write(ref _classifiers, classifiers);
            }

            return _classifiers!;
        }
        finally
        {
            _trainLock.Release();
        }
    }

    // Satisfied, dissatisfied, neutral: the order of the classifiers.
    private static string[][] LoadSeeds()
    {
        using JsonDocument document = EmbeddedResource.Parse("reaction-seeds.json");
        return [Read("satisfied"), Read("dissatisfied"), Read("neutral")];

        string[] Read(string name) => [.. document.RootElement.GetProperty(name).EnumerateArray().Select(static e => e.GetString() ?? string.Empty)];
    }
}
