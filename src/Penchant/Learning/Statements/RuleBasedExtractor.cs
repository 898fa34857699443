using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;
using Penchant.Language;
using Penchant.Numerics;

namespace Penchant.Learning.Statements;

/// <summary>
/// The default extractor, with no language model: rules find first-person statements of preference and rule out requests,
/// questions and code; a small logistic classifier over sentence embeddings, trained on hand-written seed sentences,
/// decides the cases the rules leave open.
/// </summary>
/// <remarks>Thread-safe. The classifier is trained once, on first use (about a second on two cores).</remarks>
public sealed partial class RuleBasedExtractor : IPreferenceExtractor
{
    private const int MaxTurnLength = 1_200;
    private const int MaxSentenceLength = 400;

    // The confidence of a plain statement about the user kept because the same turn states a wish.
    private const double BesideWishConfidence = 0.6;
    private readonly IEmbeddingGenerator<string, Embedding<float>> _embeddings;
    private readonly SemaphoreSlim _trainLock = new(1, 1);
    private LogisticClassifier? _classifier;

    /// <summary>Initializes a new instance of the <see cref="RuleBasedExtractor"/> class.</summary>
    /// <param name="embeddings">The embedding generator the classifier reads.</param>
    public RuleBasedExtractor(IEmbeddingGenerator<string, Embedding<float>> embeddings)
    {
        ArgumentNullException.ThrowIfNull(embeddings);
        _embeddings = embeddings;
    }

    /// <inheritdoc/>
    public ValueTask<ExtractedPreference> FromStatementAsync(string text, string? scope, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        return ValueTask.FromResult(StatementAnalyzer.Analyze(text, scope, confidence: 0.95));
    }

    /// <inheritdoc/>
    public async ValueTask<IReadOnlyList<ExtractedPreference>> FromTurnAsync(string text, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        if (text.Length > MaxTurnLength || LooksLikeCode(text))
        {
            return [];
        }

        // A turn that is one quotation ("\"I avoid …\"") is the user's own words, quoted.
        text = WholeQuotation().Match(text) is { Success: true } whole ? whole.Groups["inner"].Value : text;

        // A turn about code ("AttributeError: … chat_message.text()") instructs about the program, not about the user: only a
        // rule held to a situation or one said to last ("from now on") is a preference there.
        bool technical = CodeToken().Count(text) >= 2;
        List<string> candidates = [];
        List<int> ruleScores = [];
        var elided = new List<bool>();
        List<string> readings = [];
        List<string> clauses = Split(text, elided);
        for (int c = 0; c < clauses.Count; c++)
        {
            string clause = clauses[c];
            if (clause.Length is < 8 or > MaxSentenceLength)
            {
                continue;
            }

            // "I buy second-hand and avoid fast fashion": the second wish has the subject of the first.
            string read = elided[c] ? "I " + char.ToLowerInvariant(clause[0]) + clause[1..] : clause;
            int score = RuleScore(read);
            if (technical && score < 3 && !TimeExpressions.FromNowOn().IsMatch(clause.ToLowerInvariant()))
            {
                continue;
            }

            if (score > 0 && !IsQuotedSpeech(clause))
            {
                candidates.Add(clause);
                ruleScores.Add(score);
                readings.Add(read);
            }
        }

        if (candidates.Count == 0)
        {
            return [];
        }

        LogisticClassifier classifier = await GetClassifierAsync(cancellationToken).ConfigureAwait(false);
        GeneratedEmbeddings<Embedding<float>> vectors = await _embeddings.GenerateAsync(readings, cancellationToken: cancellationToken).ConfigureAwait(false);
        var kept = new double?[candidates.Count];
        bool anyKept = false;
        for (int i = 0; i < candidates.Count; i++)
        {
            double p = classifier.Predict(vectors[i].Vector.Span);
            bool keep = ruleScores[i] switch { >= 3 => p >= 0.15, 2 => p >= 0.4, _ => p >= 0.7 };
            if (keep)
            {
                kept[i] = Math.Round(0.5 + (p / 2), 3);
                anyKept = true;
            }
        }

        // A turn that states a wish is the user talking about themself: a plain first-person statement beside it ("I like
        // staying near the old town and I walk everywhere") is about them too, unless it only tells what happened or hedges.
        // A turn that states no wish (a task, a question, talk about something else) keeps to the classifier.
        if (anyKept)
        {
            for (int i = 0; i < candidates.Count; i++)
            {
                if (kept[i] is null && IsPlainStatementAboutUser(readings[i]))
                {
                    kept[i] = BesideWishConfidence;
                }
            }
        }

        var found = new List<ExtractedPreference>();
        for (int i = 0; i < candidates.Count; i++)
        {
            if (kept[i] is { } confidence)
            {
                // One wish, one preference: forgetting or revising one leaves the others of the turn alone. A wish that shared
                // its subject with the one before it is stored with it ("I prefer paper tickets", not "Prefer paper tickets").
                found.Add(StatementAnalyzer.Analyze(readings[i], scope: null, confidence: confidence));
            }
        }

        return found;
    }

    /// <summary>
    /// Whether a clause the rules left open (first person, no stance) is a plain statement about the user in the present:
    /// not a question or a request, not a narrative of what happened ("I tried …", "my code had …"), not a hedge ("I think …",
    /// "maybe …").
    /// </summary>
    internal static bool IsPlainStatementAboutUser(string clause)
    {
        string lower = TextTools.PlainApostrophes(clause).ToLowerInvariant();
        return RuleScore(clause) == 1 && !lower.TrimEnd().EndsWith('?') && !NarrativePattern().IsMatch(lower) && !HedgePattern().IsMatch(lower);
    }

    /// <summary>
    /// Splits a turn into the clauses that may each state one wish: sentences, then clauses at closed-class boundaries
    /// (<see cref="Connectives.ClauseBoundary"/>). A clause that only names a situation ("when I email clients") is the scope of
    /// every clause after it in its sentence, written in front of them; a clause or sentence that only gives a reason
    /// ("because …", "that's because …") stays with the clause before it.
    /// </summary>
    /// <param name="text">The turn.</param>
    /// <returns>The clauses, in order, each a sentence of its own.</returns>
    internal static List<string> Clauses(string text) => Split(text, elided: null);

    /// <summary>
    /// Whether the first person of a clause speaks only inside quotation marks (a user story or a line of dialogue the user
    /// pasted): the words are someone else's, not a wish of the user's. Quotation marks that open or close outside the clause
    /// count from its start or to its end.
    /// </summary>
    internal static bool IsQuotedSpeech(string clause)
    {
        if (clause.IndexOfAny(['"', '“', '”']) < 0)
        {
            return false;
        }

        var quoted = new bool[clause.Length];
        bool inside = false;
        int opened = 0;
        for (int k = 0; k < clause.Length; k++)
        {
            char c = clause[k];
            // A plain mark opens a quotation when it leans on the word after it ("… this: \"I …"), closes one when it leans on the
            // word before it ("… slow.\"").
            bool opens = c == '“' || (c == '"' && !inside && (clause.IndexOf('"', k + 1) >= 0
                || ((k == 0 || !char.IsLetterOrDigit(clause[k - 1])) && k + 1 < clause.Length && char.IsLetterOrDigit(clause[k + 1]))));
            bool closes = c == '”' || (c == '"' && !opens);
            if (opens)
            {
                inside = true;
                opened = k;
            }
            else if (closes)
            {
                // A closing mark with no opening one in the clause: the quotation began before it.
                Array.Fill(quoted, true, inside ? opened : 0, k - (inside ? opened : 0));
                inside = false;
            }

            quoted[k] |= inside || opens || closes;
        }

        var outside = new System.Text.StringBuilder(clause.Length);
        var within = new System.Text.StringBuilder(clause.Length);
        for (int k = 0; k < clause.Length; k++)
        {
            (quoted[k] ? within : outside).Append(clause[k]);
            (quoted[k] ? outside : within).Append(' ');
        }

        string outer = TextTools.PlainApostrophes(outside.ToString()).ToLowerInvariant();
        string inner = TextTools.PlainApostrophes(within.ToString()).ToLowerInvariant();
        return FunctionWords.FirstPerson().IsMatch(inner) && !Speaker().IsMatch(outer) && !Negation.ClauseCue().IsMatch(outer);
    }

    /// <summary>
    /// Splits a turn into clauses (see <see cref="Clauses(string)"/>), noting for each whether it continues a first-person
    /// clause of its sentence without a subject of its own ("… and avoid anything with wool").
    /// </summary>
    private static List<string> Split(string text, List<bool>? elided)
    {
        var clauses = new List<string>();
        var noSubject = new List<bool>();
        foreach (string sentence in TextTools.Sentences(text))
        {
            string trimmed = sentence.Trim();
            if (trimmed.Length == 0)
            {
                continue;
            }

            if (clauses.Count > 0 && (Connectives.ReasonLead().IsMatch(trimmed) || IsBackReference(trimmed)))
            {
                clauses[^1] = clauses[^1].TrimEnd('.', '!', ';', ',') + ". " + trimmed;
                continue;
            }

            string? situation = null;
            string? opener = null;
            int firstOfSentence = clauses.Count;
            // A sentence that opens as a request or a question ("write me a story, I like dragons") stays whole, as before.
            string[] parts = TaskStart().IsMatch(trimmed.ToLowerInvariant()) || FunctionWords.QuestionStart().IsMatch(trimmed.ToLowerInvariant())
                ? [trimmed]
                : SplitElided(Connectives.ClauseBoundary().Split(trimmed));
            bool firstPersonBefore = false;
            for (int k = 0; k < parts.Length; k++)
            {
                string part = parts[k].Trim().TrimEnd(',', ';');
                if (part.Length == 0)
                {
                    continue;
                }

                // A word or two alone ("Actually", "Oh and") opens the clause after it: it may say that clause revises something.
                if (opener is not null)
                {
                    part = opener + ", " + part;
                    opener = null;
                }

                if (k < parts.Length - 1 && TextTools.Words(part).Count < 3)
                {
                    opener = part;
                    continue;
                }

                if (clauses.Count > firstOfSentence && Connectives.ReasonLead().IsMatch(part))
                {
                    clauses[^1] = clauses[^1].TrimEnd('.', '!', ';', ',') + ", " + part;
                    continue;
                }

                // "…; I keep that day for my family": a first-person clause with no stance that points back explains the wish
                // before it. It stays with it, after a semicolon, so that ranking reads it as the reason it is.
                if (clauses.Count > firstOfSentence && IsBackReference(part))
                {
                    clauses[^1] = clauses[^1].TrimEnd('.', '!', ';', ',') + "; " + part;
                    continue;
                }

                string partLower = TextTools.PlainApostrophes(part).ToLowerInvariant();
                bool continues = firstPersonBefore && clauses.Count > firstOfSentence && !SubjectStart().IsMatch(partLower) && RuleScore(part) == 0;
                firstPersonBefore = continues || FirstPersonSubject().IsMatch(partLower);

                if (situation is null && clauses.Count == firstOfSentence && Connectives.SituationLead().IsMatch(part) && RuleScore(part) < 2 && !part.EndsWith('?'))
                {
                    situation = part;
                    continue;
                }

                clauses.Add(situation is null ? part : situation + ", " + part);
                noSubject.Add(continues);
            }

            if (opener is not null)
            {
                clauses.Add(opener);
            }

            if (situation is not null && clauses.Count == firstOfSentence)
            {
                clauses.Add(situation);
            }

            while (noSubject.Count < clauses.Count)
            {
                noSubject.Add(false);
            }
        }

        elided?.AddRange(noSubject);

        for (int i = 0; i < clauses.Count; i++)
        {
            string c = clauses[i];
            c = char.ToUpperInvariant(c[0]) + c[1..];
            clauses[i] = c[^1] is '.' or '!' or '?' ? c : c + ".";
        }

        return clauses;
    }

    /// <summary>Whether a clause with no stance of its own points back at the wish before it (<see cref="Connectives.BackReference"/>).</summary>
    private static bool IsBackReference(string clause)
    {
        string lower = TextTools.PlainApostrophes(clause).ToLowerInvariant();
        return RuleScore(clause) <= 1 && !StancePattern().IsMatch(lower) && !lower.TrimEnd().EndsWith('?') && Connectives.BackReference().IsMatch(lower);
    }

    /// <summary>
    /// Splits each clause that opens with a first-person subject again before a second verb of stance that shares the subject
    /// ("I buy second-hand and avoid fast fashion", "I love olives but hate capers").
    /// </summary>
    private static string[] SplitElided(string[] parts)
    {
        List<string>? split = null;
        for (int k = 0; k < parts.Length; k++)
        {
            string lower = TextTools.PlainApostrophes(parts[k]).ToLowerInvariant();
            string[] pieces = FirstPersonSubject().IsMatch(lower.Trim()) ? ElidedBoundary().Split(parts[k]) : [parts[k]];
            if (pieces.Length > 1 || split is not null)
            {
                split ??= [.. parts[..k]];
                split.AddRange(pieces);
            }
        }

        return split is null ? parts : [.. split];
    }

    /// <summary>
    /// Scores a sentence with rules: 3 = states a preference by its structure (an instruction held to a recurring situation, a
    /// norm for a class of things), 2 = states a preference, 1 = may, 0 = does not. The embedding classifier has the last
    /// word, with a lower bar the higher the score.
    /// </summary>
    internal static int RuleScore(string sentence)
    {
        string lower = TextTools.PlainApostrophes(sentence).ToLowerInvariant().Trim('"', '“', '”', ' ');
        bool stance = StancePattern().IsMatch(lower);
        // "… hope she will travel more in the future" predicts; it sets no rule.
        bool standing = StandingPattern().IsMatch(lower) && !PredictionPattern().IsMatch(lower);
        bool question = lower.TrimEnd().EndsWith('?') || FunctionWords.QuestionStart().IsMatch(lower);
        bool task = TaskStart().IsMatch(lower) || FunctionWords.AddressesAssistant().IsMatch(lower);
        // A question stays a question ("why does it fail every time I run it?") unless it sets a rule from now on.
        bool endsWithQuestionMark = lower.TrimEnd().EndsWith('?');

        // "Suggest only vegetarian places whenever I'm out with my brother": an instruction held to a recurring
        // situation is a standing rule even though it opens like a request.
        if (!endsWithQuestionMark && ScopedInstructionPattern().IsMatch(lower))
        {
            return 3;
        }

        if ((question || task) && (!standing || (endsWithQuestionMark && !TimeExpressions.FromNowOn().IsMatch(lower))))
        {
            return 0;
        }

        if (stance || standing)
        {
            return 2;
        }

        // "When I write to my tenants, keep it brief": a habitual situation and an instruction for it is a standing rule.
        if (ConditionalRulePattern().IsMatch(lower))
        {
            return 2;
        }

        // A norm for a class of things: "Replies to landlords should stay formal" (a plural subject, not a pronoun; not one
        // named thing, "the CMS should …", which is a requirement of the moment).
        if (!endsWithQuestionMark && NormPattern().Match(lower) is { Success: true } norm && !FunctionWords.NotAThing().IsMatch(norm.Groups["thing"].Value))
        {
            return 3;
        }

        // A revision states a wish even without "I": "actually, make that the 9:15".
        bool firstPerson = FunctionWords.FirstPerson().IsMatch(lower);
        if (RevisionPattern().IsMatch(lower) && !lower.TrimEnd().EndsWith('?'))
        {
            return 2;
        }

        return firstPerson ? 1 : 0;
    }

    private static bool LooksLikeCode(string text)
    {
        if (text.Contains("```", StringComparison.Ordinal))
        {
            return true;
        }

        int symbols = 0;
        foreach (char c in text)
        {
            if (c is '{' or '}' or ';' or '=' or '<' or '>' or '(' or ')' or '[' or ']')
            {
                symbols++;
            }
        }

        if (symbols > 6 && symbols * 25 > text.Length)
        {
            return true;
        }

        // Pasted code among prose: two or more lines that read as code (a statement ending in ":", ";", "{" or "}", or
        // dense with brackets and operators). Whatever the turn says around it is about that code, not about the user.
        int codeLines = 0;
        foreach (string line in text.Split('\n'))
        {
            string t = line.Trim();
            if (t.Length == 0 || t.Contains(' ', StringComparison.Ordinal) && TextTools.Words(t).Count > 12)
            {
                continue;
            }

            int marks = 0;
            foreach (char c in t)
            {
                marks += c is '{' or '}' or ';' or '=' or '<' or '>' or '(' or ')' or '[' or ']' or '_' ? 1 : 0;
            }

            bool statementEnd = t[^1] is ';' or '{' or '}' || (t[^1] == ':' && t.Contains('(', StringComparison.Ordinal));
            codeLines += statementEnd || (marks >= 2 && marks * 8 >= t.Length) ? 1 : 0;
        }

        return codeLines >= 2;
    }

    private async Task<LogisticClassifier> GetClassifierAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _classifier) is { } ready)
        {
            return ready;
        }

        await _trainLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_classifier is null)
            {
                (string[] positive, string[] negative) = SeedSentences.Load();
                string[] all = [.. positive, .. negative];
                GeneratedEmbeddings<Embedding<float>> vectors = await _embeddings.GenerateAsync(all, cancellationToken: cancellationToken).ConfigureAwait(false);
                var x = new float[all.Length][];
                var y = new double[all.Length];
                for (int i = 0; i < all.Length; i++)
                {
                    x[i] = vectors[i].Vector.ToArray();
                    y[i] = i < positive.Length ? 1 : 0;
                }

                Volatile.Write(ref _classifier, LogisticClassifier.Train(x, y, l2: 0.01, epochs: 300, learningRate: 0.5));
            }

            return _classifier!;
        }
        finally
        {
            _trainLock.Release();
        }
    }

    [GeneratedRegex(@"\b(i|i'?m|i am|i've|i have|i'd|i would|i really|i strongly|i usually|i tend to|i always|i never|i only|i mostly|i generally)\s+(\w+\s+)?(prefer|like|love|enjoy|hate|dislike|avoid|loathe|despise|detest|refuse|prioriti[sz]e|value|need|learn best|work best|have no interest|am not interested|uncomfortable|can'?t (eat|have|do|tolerate|wear|use)|won'?t|will not|cannot|only (use|buy|eat|wear|watch|play|consider|drink|read|travel|stay|shop)|have (a|an) (strong |strict |ethical |extreme |acute |serious )?(preference|objection|bias|fear|phobia|aversion|dislike|allergy|interest)|can'?t stand|cannot stand|don'?t (like|eat|drink|want|use|do|enjoy|care)|do not|rather|want|find|favou?r|lean|allergic|intolerant|vegan|vegetarian|a (big |huge )?fan|not (a )?(big )?fan|into|fond|passionate|obsessed|crazy about|trying to|looking (for|to)|aversion|opposed|sensitive|afraid|scared|terrified|interested|keen|partial|committed|on a|against|believe in|not comfortable|comfortable)\b|\bmy (favou?rite|go-to|preference)|\b(i'?m|i am) (allergic|intolerant|vegan|vegetarian|pescatarian|diabetic|celiac|coeliac|lactose)|\bi have (a |an )?(strong |severe |mild |real )?(allerg|intoleran|aversion|dislike|preference|phobia|fear)", RegexOptions.CultureInvariant)]
    private static partial Regex StancePattern();

    // A first-person or possessive subject with a verb in the past tense: what happened, not what holds.
    [GeneratedRegex(@"\b(?:i|we|my \w+|it|this|that)\s+(?:\w+ly\s+|just\s+|also\s+|then\s+)?(?:was|were|had|did|didn'?t|went|got|made|said|told|asked|thought|tried|saw|took|gave|came|bought|found|left|ran|wrote|(?!(?:ne|fe|bre|se|spe|ble|procee|excee|succee)ed\b)\w{2,}ed)\b", RegexOptions.CultureInvariant)]
    private static partial Regex NarrativePattern();

    // Words that hedge or report a thought rather than state something about the user.
    [GeneratedRegex(@"\b(?:i (?:think|guess|hope|wonder|suppose|believe|assume|mean|know|see|understand|doubt|feel like)|i'?m not sure|i am not sure|not sure|maybe|perhaps|probably|i was wondering)\b", RegexOptions.CultureInvariant)]
    private static partial Regex HedgePattern();

    // A third-person subject and a modal before "in the future": a prediction ("she will travel more in the future"), not a rule.
    [GeneratedRegex(@"\b(?:they|he|she|it|this|that|there|things|everyone|people)\s+(?:will|'ll|would|might|may|could|can|won'?t)\b[^.;,]*\b(?:in (?:the )?future|going forward)\b", RegexOptions.CultureInvariant)]
    private static partial Regex PredictionPattern();

    // A whole turn in quotation marks, its last punctuation inside or outside them.
    [GeneratedRegex(@"^\s*[""“](?<inner>[^""“”]+)[""”]\s*[.!]?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex WholeQuotation();

    // A token of code in prose: a call ("text()", "obj.method("), a snake_case or camelCase name, an error type.
    [GeneratedRegex(@"\b\w+\.\w+\(|\b\w+\(\)|\b[a-z]+_[a-z_]+\b|\b[a-z]+[A-Z]\w*\b|\b[A-Z]\w*(?:Error|Exception)\b", RegexOptions.CultureInvariant)]
    private static partial Regex CodeToken();

    // The user as speaker ("I", "I'm", "me"): "my teacher asked …" is about someone else's words.
    [GeneratedRegex(@"\b(?:i|i'm|i'd|i've|i'll|im|me|myself)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Speaker();

    // A clause whose subject is the user ("I …", "I'm …", "Personally, I …").
    [GeneratedRegex(@"^(?:\w+,\s*)?(?:i|i'm|i'd|i've|i am|i do|i really|i also)\b", RegexOptions.CultureInvariant)]
    private static partial Regex FirstPersonSubject();

    // A clause that opens with a subject, a determiner or a word addressed to the assistant: it has a subject of its own.
    [GeneratedRegex(@"^(?:please|pls|i|i'm|i'd|i've|im|you|we|my|our|he|she|they|it|it's|this|that|these|those|there|the|a|an|some|any|every|each|all|no)\b", RegexOptions.CultureInvariant)]
    private static partial Regex SubjectStart();

    // Before a second verb of stance after "and" or "but", the subject of the first: "I buy X and avoid Y".
    [GeneratedRegex(@"\s*,?\s+(?:and|but)\s+(?=(?:(?:also|really|strongly|usually|always|much|generally|tend to|would rather|rather)\s+)?(?:prefer|like|love|enjoy|hate|dislike|loathe|detest|despise|avoid|want|refuse|can'?t stand|cannot stand|don'?t|do not|only\s+(?!(?:on|in|at|for|when|if|with|to|the|a|an|by|from|after|before|during|my|our|one|once|twice|if)\b)[a-z]+)\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ElidedBoundary();

    [GeneratedRegex(@"^(?:actually,?\s+)?(?:make|switch|change) (?:that|it|them)\b", RegexOptions.CultureInvariant)]
    private static partial Regex RevisionPattern();

    [GeneratedRegex(@"^(?:when(?:ever)?|if|any ?time|every time|each time)\s+(?:i|i'm|my|we|you)\b[^,?]{2,80},\s*(?:please\s+)?(?:(?:always|never|also|don'?t|do not)\s+)?(?:keep|use|make|add|include|sign|write|give|skip|avoid|cut|lead|ask|show|put|be|answer|reply|send|stick|choose|pick|suggest|recommend|start|end|limit|leave|mention|remind|book|check|assume|plan|stay|go)\b", RegexOptions.CultureInvariant)]
    private static partial Regex ConditionalRulePattern();

    // An instruction with a recurring situation, in either order. Situation first: "when(ever) I/you …, (don't) <verb>" (any
    // verb after a negation), "in/for my <things>, <instruction>". Instruction first: a restricted or negated instruction
    // ("only", "never", "don't", "no …") with a situation the user is in ("when I'm …", "whenever we …") or a thing of
    // theirs ("in the toasts you draft for my parents"). Closed-class words only.
    [GeneratedRegex(@"^(?:when(?:ever)?|any ?time|every time|each time)\s+(?:i|i'm|my|we|you)\b[^,?]{2,80},\s*(?:please\s+)?(?:don'?t|do not|never|only)\s+[a-z]+|^(?:in|for|on|with)\s+(?:all\s+)?(?:my|our)\s+[^,?]{2,60},\s*(?:please\s+)?(?:(?:always|never|only|don'?t|do not)\s+)?(?:keep|use|make|add|include|write|give|skip|avoid|cut|show|put|stick|choose|pick|suggest|recommend|limit|leave|mention|assume|plan)\b|^(?:please\s+)?(?:(?:only|never|always|don'?t|do not|no)\s+[^,?]+|[a-z]+\s+(?:me\s+)?only\s+[^,?]+)\b(?:(?:when(?:ever)?|any ?time|every time|each time)\s+(?:i|i'm|i am|we|we're|my)\b|(?:in|for|on)\s+(?:the\s+[a-z]+s\s+(?:you|i)\s+[a-z]+\s+(?:for|to)\s+)?(?:my|our)\s+[a-z])", RegexOptions.CultureInvariant)]
    private static partial Regex ScopedInstructionPattern();

    [GeneratedRegex(@"^(?!(?:the|this|that|these|those|it|there|such)\b)(?:all |every |any |my |our )?(?<thing>[a-z][a-z'-]*s(?: (?:to|for|with|from|about|of|in|on) (?:my |our |the )?[a-z][a-z'-]*){0,2}|[a-z][a-z'-]* [a-z][a-z'-]*s(?: (?:to|for|with|from|about|of|in|on) (?:my |our |the )?[a-z][a-z'-]*){0,2}) (?:should|must|need to|have to)\b", RegexOptions.CultureInvariant)]
    private static partial Regex NormPattern();

    [GeneratedRegex(@"\b(from now on|in (the )?future|going forward|whenever i|every time i|each time i|any ?time i|please (always|never|don'?t|do not|avoid|keep|use|stop)|(always|never) (use|write|include|add|give|answer|respond|reply|format|sign|book|recommend|suggest|show|send|put|mention))\b", RegexOptions.CultureInvariant)]
    private static partial Regex StandingPattern();

    [GeneratedRegex(@"^\s*(please\s+)?(write|create|generate|make|give|tell|show|explain|describe|translate|convert|summari[sz]e|rewrite|fix|solve|list|compose|draft|act|pretend|imagine|continue|help|find|calculate|compute|design|build|implement|develop|provide|suggest|recommend|plan|prepare|check|correct|improve|edit|read|analy[sz]e|compare|define|let'?s|i want you|i need you|i need (a|an|to)|i want (a|an|to)|first|now|ok|okay|so|then|also|and|other ways|in \w+ how|i'?m (writing|working|trying to (write|build|fix))|here is|here'?s|this is)\b", RegexOptions.CultureInvariant)]
    private static partial Regex TaskStart();
}
