using System.Text.RegularExpressions;
using Penchant.Language;

namespace Penchant.Ranking;

/// <summary>One part of a preference's text: what it asks for or against, reduced to its object ("fantasy-themed tabletop RPGs").</summary>
/// <param name="Object">The object, with cue words removed.</param>
/// <param name="Negative">Whether the user wants to avoid it.</param>
/// <param name="Stems">The object's content stems.</param>
internal sealed record PreferenceClause(string Object, bool Negative, HashSet<string> Stems);

/// <summary>
/// Splits a preference into what it asks for and what it asks against: "I dislike X and prefer Y", "Y rather than X",
/// "Y over X", "Y without X"; a clause with no cue of its own keeps the direction of the one before, and reasons
/// ("because …", "due to …") are dropped.
/// </summary>
internal static partial class PreferenceClauses
{
    private static readonly HashSet<string> CueWords = new(StringComparer.Ordinal)
    {
        "i", "im", "ive", "id", "me", "my", "am", "is", "are", "be", "to", "a", "an", "the", "of", "for", "in", "on", "at", "with", "that",
        "have", "has", "had", "do", "does", "not", "dont", "doesnt", "no", "never", "always", "only", "exclusively", "strictly",
        "strongly", "strong", "really", "absolutely", "definitely", "generally", "usually", "also", "much", "very", "highly",
        "prefer", "preference", "preferably", "avoid", "avoiding", "dislike", "hate", "like", "love", "enjoy", "want", "wish",
        "aversion", "averse", "interest", "interested", "fan", "fond", "stand", "cant", "cannot", "refuse", "find", "them",
        "it", "any", "all", "anything", "things", "something", "stay", "away", "from", "keep", "steer", "clear", "would",
        "rather", "instead", "severe", "acute", "deep", "deeply", "particularly", "especially", "totally", "completely",
        "tend", "try", "choose", "opt", "favor", "favour", "appreciate", "passionate", "into", "form", "kind", "type", "types",
        "sort", "involve", "involving", "involves", "containing", "contain", "use", "using", "or", "and", "but", "so",
        "these", "those", "this", "can", "could", "will", "strict", "follow", "big", "huge", "keen", "mostly",
        "as", "if", "when", "about", "by", "than", "too", "was", "were", "been", "being", "myself", "we", "our", "you", "your",
        "its", "they", "what", "which", "who", "how", "where", "why", "there", "here", "up", "out", "more", "most", "some",
        "just", "should", "may", "might", "must", "get", "make", "feel", "feels", "personally", "whenever", "possible",
        "despise", "detest", "loathe", "uncomfortable", "sensitive", "tolerate", "tend", "won", "wont", "avoiding", "preferring",
        "wear", "wearing", "purchase", "purchasing", "buy", "buying", "attend", "attending", "watch", "watching", "owning",
        "having", "thought", "idea", "whether", "please", "comfortable", "participate", "participating", "engage", "engaging",
        "consume", "consuming", "need", "made", "including", "such", "other", "leave", "leaving", "omit", "omitting", "skip",
        "skipping", "cut", "go", "easy", "light",
    };

    /// <summary>Splits a preference text into clauses.</summary>
    public static List<PreferenceClause> Split(string text)
    {
        var clauses = new List<PreferenceClause>();
        bool? previous = null;

        // Typographic apostrophes ("don’t") read as plain ones, so that the closed-class cues match them.
        bool firstPart = true;
        foreach (string sentence in TextTools.Sentences(TextTools.PlainApostrophes(text)))
        {
            // "When you cook for my in-laws, leave out garlic": the situation is where the rule holds, not what it is about.
            string body = Situation().Replace(sentence, string.Empty);
            foreach (string rawPart in SplitPattern().Split(body.Length > 0 ? body : sentence))
            {
                string part = rawPart.Trim(' ', ',', '.', ';', ':');
                bool first = firstPart;
                firstPart = false;

                // A negated qualifier goes the other way from what it qualifies: "paints that are not mixed with solvents",
                // "puzzles that don't involve wordplay", "feeds free from synthetic nitrates".
                string? qualifier = null;
                if (Negation.NegatedQualifier().Match(part) is { Success: true, Index: > 0 } q)
                {
                    qualifier = part[(q.Index + q.Length)..];
                    part = part[..q.Index].Trim(' ', ',');
                }

                if (part.Length == 0)
                {
                    continue;
                }

                // A reason or a concession explains a preference; it is not itself one ("because they are loud", "even if
                // it is pricier"). A sentence that opens with one keeps what follows it ("Because of the noise, I avoid petrol mowers").
                if (Connectives.Reason().IsMatch(part))
                {
                    int comma = part.IndexOf(", ", StringComparison.Ordinal);
                    if (comma < 0)
                    {
                        continue;
                    }

                    part = part[(comma + 2)..];
                }

                string lower = part.ToLowerInvariant();

                // "…; I keep that day for my family": a later first-person clause with no cue that points back explains the
                // wish before it; it is not itself one, and takes no direction from it.
                if (!first && !Negation.ClauseCue().IsMatch(lower) && !Negation.Omission().IsMatch(lower) && !StanceCues.PositiveClause().IsMatch(lower)
                    && Connectives.BackReference().IsMatch(lower))
                {
                    continue;
                }

                bool negative;
                bool inverted = Connectives.Inverting().Match(lower) is { Success: true, Index: 0 };
                if (inverted)
                {
                    negative = true;
                }
                else if (Negation.ClauseCue().IsMatch(lower) || Negation.Omission().IsMatch(lower))
                {
                    negative = true;
                }
                else if (StanceCues.PositiveClause().IsMatch(lower))
                {
                    negative = false;
                }
                else
                {
                    negative = previous ?? false;
                }

                previous = inverted ? previous ?? false : negative;
                if (inverted)
                {
                    // The inverting words say which way the clause goes; they are not part of its object ("without microtransactions").
                    part = part[Connectives.Inverting().Match(lower).Length..];
                }

                // What the user says the object is like ("I find X too slow and boring") says which way the clause goes, not
                // what it is about: the object is X.
                AddClauses(clauses, ObjectOf(Judgement().Replace(part, string.Empty)), negative);
                if (qualifier is not null)
                {
                    AddClauses(clauses, ObjectOf(qualifier), !negative);
                }
            }
        }

        return clauses;
    }

    /// <summary>Adds the clause of an object; what it says is "free" of goes the other way ("prefer sulfate-free cleansers" avoids sulfate).</summary>
    private static void AddClauses(List<PreferenceClause> clauses, string obj, bool negative)
    {
        string freed = Negation.FreeOf().Replace(obj, string.Empty).Trim();
        if (freed.Length > 0)
        {
            clauses.Add(new PreferenceClause(freed, negative, TextTools.ContentStems(freed)));
        }

        foreach (Match free in Negation.FreeOf().Matches(obj))
        {
            string excluded = free.Groups["object"].Value.Replace('-', ' ');
            clauses.Add(new PreferenceClause(excluded, !negative, TextTools.ContentStems(excluded)));
        }
    }

    /// <summary>
    /// Narrows a clause to what distinguishes candidates for one request: words the request shares with the object
    /// ("hotels" in a question about hotels) say what every candidate is about, not which one the user wants.
    /// </summary>
    /// <param name="clause">The clause.</param>
    /// <param name="requestStems">The request's content stems.</param>
    /// <returns>The narrowed clause, or the clause itself when nothing would remain.</returns>
    public static PreferenceClause Focus(PreferenceClause clause, HashSet<string> requestStems)
    {
        var kept = new List<string>();
        foreach (string word in clause.Object.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            bool shared = false;
            foreach (string w in TextTools.Words(word))
            {
                shared |= TextTools.ContainsLike(requestStems, Stemmer.Stem(w));
            }

            if (!shared)
            {
                kept.Add(word);
            }
        }

        if (kept.Count == 0 || kept.Count == clause.Object.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length)
        {
            return clause;
        }

        string focused = string.Join(' ', kept);
        return clause with { Object = focused, Stems = TextTools.ContentStems(focused) };
    }

    /// <summary>
    /// Whether the passage leading up to some point is against what follows: its last cue, in the current sentence, is
    /// negative ("I would rather not cook anything …", "I dislike trains with …"), not positive ("… and prefer ones with …").
    /// </summary>
    /// <param name="lowerPrefix">The lower-cased text before the point.</param>
    public static bool IsAgainst(string lowerPrefix)
    {
        int sentence = lowerPrefix.LastIndexOfAny(['.', '!', '?', ';']);
        string tail = lowerPrefix[(sentence + 1)..];
        int negative = Negation.ClauseCue().Matches(tail) is { Count: > 0 } n ? n[^1].Index : -1;
        int positive = StanceCues.PositiveClause().Matches(tail) is { Count: > 0 } p ? p[^1].Index : -1;
        return negative > positive;
    }

    /// <summary>Removes cue words, keeping the object's own words in order.</summary>
    private static string ObjectOf(string part)
    {
        var kept = new List<string>();
        foreach (string word in part.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            string bare = new([.. word.ToLowerInvariant().Where(static c => char.IsLetterOrDigit(c))]);
            if (bare.Length > 0 && !CueWords.Contains(bare))
            {
                kept.Add(word.Trim(',', '.', ';', ':', '"', '(', ')'));
            }
        }

        return string.Join(' ', kept);
    }

    // Split before: "and/but + cue", ", avoiding/preferring/but", "rather than", "instead of", "over" (after prefer), "without", "as opposed to", "; ", "because", "due to", "since", ", as".
    [GeneratedRegex(@"\s*(?:,\s*|\s)(?=(?:and|but|while|whereas)\s+(?:i\s+|i'm\s+|i am\s+)?(?:will\s+|would\s+)?(?:also\s+|really\s+|strongly\s+|much\s+|generally\s+|tend to\s+|usually\s+|always\s+)?(?:prefer|avoid|dislike|like|love|enjoy|want|hate|find|don'?t|do not|can'?t|cannot|won'?t|will not|am|'m|would|rather|only|refuse|have|strongly)\w*\b)|,\s*(?=(?:avoiding|preferring|favou?ring|but|while|whereas)\b)|\s*;\s*|\s+(?=(?:rather than|instead of|as opposed to|over|without|because|due to|since|as i|as it|as they|so i|so that|even if|even though|although)\b)|,\s+(?=(?:as|since|so|because|though)\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SplitPattern();

    /// <summary>Matches a situation that opens a sentence and the comma after it ("when you cook for my in-laws, ", "if I'm travelling, ").</summary>
    [GeneratedRegex(@"^\s*(?:when(?:ever)?|if|any ?time|every time|each time)\s+[^,;]{2,80},\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Situation();

    /// <summary>Matches an evaluative complement after the object of a verb of judging: "too" and one or two adjectives ("I find X too slow and boring").</summary>
    // Only after a verb of judging: in "puzzles that are too abstract" the complement is what the user is against.
    [GeneratedRegex(@"(?<=\b(?:find|finds|found|consider|considers)\b.+)\s+too\s+[\w-]+(?:,?\s+(?:and|or)\s+[\w-]+)?(?=\s*$|\s*[,;.])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Judgement();
}
