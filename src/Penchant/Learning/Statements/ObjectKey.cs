using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Penchant.Language;

namespace Penchant.Learning.Statements;

/// <summary>
/// What a preference statement is about, with its framing ("I'd rather", "please always", "keep … for me") stripped: the
/// everyday things it names, as concepts of a hand-written thesaurus (<c>Resources/object-synonyms.json</c>, so "gangway"
/// and "aisle", "TS" and "TypeScript" are one concept), and the stems of its remaining content words ("Lyon", "Pixel"); and
/// for each object, the stance the statement takes on it, whatever the wording: "no am/pm" and "the 24-hour clock" are both
/// for the 24-hour clock, "I can't bear coriander" and "coriander …, leave it out" both against coriander, "garlic is not
/// my friend" against garlic. A reason ("…, that's my writing time") names no object, and a schedule said of the other
/// days of the work week with the opposite stance is the same schedule.
/// </summary>
/// <remarks>Thread-safe; keys are immutable and cached per text instance.</remarks>
internal sealed partial class ObjectKey
{
    /// <summary>How many content words (stop words aside) may stand between a negation cue and the object it negates.</summary>
    private const int NegationReach = 3;

    private static readonly Lazy<Thesaurus> Lexicon = new(Thesaurus.Load);
    private static readonly ConditionalWeakTable<string, ObjectKey> Cache = [];

    private readonly HashSet<Concept> _favoured;
    private readonly HashSet<Concept> _opposed;

    // Concepts and words named only inside a condition ("when I eat out with friends", "when my parents visit").
    private readonly HashSet<Concept> _conditional;
    private readonly HashSet<string> _conditionalWords;

    private ObjectKey(HashSet<Concept> concepts, HashSet<string> residual, HashSet<Concept> favoured, HashSet<Concept> opposed, HashSet<Concept> conditional, HashSet<string> conditionalWords)
    {
        Concepts = concepts;
        _conditional = conditional;
        _conditionalWords = conditionalWords;
        Residual = residual;
        _favoured = favoured;
        _opposed = opposed;
    }

    /// <summary>Gets the thesaurus concepts the text names.</summary>
    public IReadOnlySet<Concept> Concepts { get; }

    /// <summary>Gets the stems of the content words no concept covers (names, places, numbers, rare words).</summary>
    public IReadOnlySet<string> Residual { get; }

    /// <summary>Gets the key of a text.</summary>
    public static ObjectKey Of(string text) => Cache.GetValue(text, static t => Compute(t, Lexicon.Value));

    /// <inheritdoc/>
    public override string ToString() =>
        string.Join(" ", Concepts.Select(c => (StanceOn(c) == false ? "-" : "") + (c.Broad ? "(" + c.Id + ")" : c.Condition ? "@" + c.Id : c.Id)).Order(StringComparer.Ordinal)) + " / " + string.Join(" ", Residual.Order(StringComparer.Ordinal));

    /// <summary>Compares what two statements are about.</summary>
    public Agreement CompareTo(ObjectKey other)
    {
        bool sharedObject = false;
        bool complement = SplitsTheWorkWeek(other);
        Exclusive here = ExclusiveOf(this, other, complement, ref sharedObject);
        Exclusive there = ExclusiveOf(other, this, complement, ref sharedObject);

        // A condition names when, not what: "late at night" and "reminders the evening before appointments" share no object.
        // Only a domain under the same condition, with nothing else on either side, is one thing ("no meetings on Fridays",
        // "keep my Friday free of meetings").
        if (!sharedObject && !here.Any && !there.Any)
        {
            sharedObject = Concepts.Any(static c => c.Condition) && Concepts.Any(static c => c.Broad);
        }

        bool sameStance = false, stanceClash = false;
        foreach (Concept concept in Concepts)
        {
            if (concept.Broad || concept.Condition || !other.Concepts.Contains(concept))
            {
                continue;
            }

            // On the other days of the work week, the opposite stance is the same schedule.
            (bool? mine, bool? theirs) = (StanceOn(concept), other.StanceOn(concept));
            if (mine is { } a && theirs is { } b)
            {
                sameStance |= (a == b) != complement;
                stanceClash |= (a != b) != complement;
            }
        }

        // A word both name only in their conditions is a shared situation ("when my parents visit"), not a shared name.
        return new Agreement(
            sharedObject,
            Residual.Any(w => other.Residual.Contains(w) && !(_conditionalWords.Contains(w) && other._conditionalWords.Contains(w))),
            here.Any && there.Any && (here.Specific || there.Specific),
            (here.Specific && there.Words) || (there.Specific && here.Words),
            sameStance && !stanceClash,
            stanceClash);
    }

    /// <summary>
    /// Gets whether the statement is for (true) or against (false) a concept it names; null when it says both or its
    /// stance is one of relation rather than choice (allergic to it, afraid of it).
    /// </summary>
    public bool? StanceOn(Concept concept) =>
        (_favoured.Contains(concept), _opposed.Contains(concept)) switch
        {
            (true, false) => true,
            (false, true) => false,
            _ => null,
        };

    /// <summary>
    /// Gets whether the two statements name complementary sets of work days (together the whole work week, no day in both)
    /// and take opposite stances on every object both take one on: "at home on Mondays and Fridays" and "in the office
    /// Tuesday to Thursday" are one schedule, "the gym on Mondays and Fridays" and "the gym Tuesday to Thursday" two.
    /// </summary>
    private bool SplitsTheWorkWeek(ObjectKey other)
    {
        Thesaurus thesaurus = Lexicon.Value;
        List<Concept> mine = [.. Concepts.Where(c => c.Group == thesaurus.DayGroup)];
        List<Concept> theirs = [.. other.Concepts.Where(c => c.Group == thesaurus.DayGroup)];
        if (mine.Count == 0 || theirs.Count == 0 || mine.Count + theirs.Count != thesaurus.WorkWeek.Count
            || !thesaurus.WorkWeek.IsSupersetOf(mine) || !thesaurus.WorkWeek.IsSupersetOf(theirs) || mine.Exists(theirs.Contains))
        {
            return false;
        }

        bool opposite = false;
        foreach (Concept concept in Concepts)
        {
            if (!concept.Condition && other.Concepts.Contains(concept) && (StanceOn(concept), other.StanceOn(concept)) is ({ } a, { } b))
            {
                if (a == b)
                {
                    return false;
                }

                opposite = true;
            }
        }

        return opposite;
    }

    private static Exclusive ExclusiveOf(ObjectKey key, ObjectKey other, bool complement, ref bool sharedObject)
    {
        bool any = false, specific = false;
        foreach (Concept concept in key.Concepts)
        {
            if (complement && concept.Group == Lexicon.Value.DayGroup)
            {
                // The days of a schedule said as its complement are the same days.
                continue;
            }

            if (other.Concepts.Contains(concept))
            {
                // The same situation in both conditions is a shared condition, not a shared object.
                bool sharedSituation = key._conditional.Contains(concept) && other._conditional.Contains(concept);
                sharedObject |= !concept.Broad && !concept.Qualifier && !concept.Condition && !sharedSituation;
            }
            else
            {
                any = true;
                specific |= !concept.Broad;
            }
        }

        bool words = false;
        foreach (string word in key.Residual)
        {
            words |= !other.Residual.Contains(word);
        }

        return new Exclusive(any, specific, words);
    }

    private static ObjectKey Compute(string text, Thesaurus thesaurus)
    {
        // Words by clause: a negation cue reaches only within its own clause ("never the middle, aisle please").
        var words = new List<string>();
        var clauses = new List<int>();
        string[] parts = ClauseBreak().Split(Normalize(text));
        for (int part = 0; part < parts.Length; part++)
        {
            foreach (string word in TextTools.Words(parts[part]))
            {
                words.Add(word);
                clauses.Add(part);
            }
        }

        List<Range> dismissed = Dismissals(words);
        string[] stems = [.. words.Select(StemOf)];

        // Words that name nothing: reasons ("…, that's my writing time") and idioms of dislike ("garlic is not my friend"),
        // and among them those that turn against what follows, as a negation cue does ("steer clear of dairy").
        bool[] aside = new bool[words.Count];
        bool[] against = new bool[words.Count];
        MarkReasons(words, clauses, thesaurus, aside);
        MarkIdioms(stems, clauses, thesaurus, aside, against, dismissed);

        var concepts = new HashSet<Concept>();
        HashSet<string> residual = new(StringComparer.Ordinal), conditionalWords = new(StringComparer.Ordinal), outsideWords = new(StringComparer.Ordinal);
        HashSet<Concept> favoured = [], opposed = [], conditional = [], outside = [];
        bool[] named = new bool[words.Count];
        var at = new Concept?[words.Count];
        bool[] inCondition = new bool[words.Count];
        for (int i = 0; i < words.Count; i++)
        {
            inCondition[i] = FunctionWords.ConditionCues.Contains(words[i]) || (i > 0 && inCondition[i - 1] && clauses[i - 1] == clauses[i]);
        }

        for (int i = 0; i < stems.Length;)
        {
            if (aside[i])
            {
                i++;
                continue;
            }

            int length = thesaurus.Match(words, stems, i, out Concept? concept, out bool opposite);
            if (length > 0)
            {
                concepts.Add(concept!);
                (inCondition[i] ? conditional : outside).Add(concept!);
                named.AsSpan(i, length).Fill(true);
                at[i] = concept;
                bool negated = dismissed.Exists(r => i >= r.Start.Value && i < r.End.Value) || Negated(words, clauses, named, against, i, i + length);
                if (negated && i + length < words.Count && clauses[i + length] == clauses[i] && FunctionWords.Restrictions.Contains(words[i + length]))
                {
                    // Against a restricted kind of the object, not the object: the stance on it is unknown.
                    favoured.Add(concept!);
                    opposed.Add(concept!);
                }
                else
                {
                    (negated != opposite ? opposed : favoured).Add(concept!);
                }

                i += length;
                continue;
            }

            string word = words[i];
            if ((word.Length > 1 || char.IsDigit(word[0])) && !TextTools.IsStopWord(word) && !thesaurus.Framing.Contains(stems[i]))
            {
                residual.Add(stems[i]);
                (inCondition[i] ? conditionalWords : outsideWords).Add(stems[i]);
            }

            i++;
        }

        // "Tuesday to Thursday" names Wednesday too.
        for (int i = 0; i + 2 < words.Count; i++)
        {
            if (at[i] is { } from && at[i + 2] is { } to && TimeExpressions.RangeConnectors.Contains(words[i + 1]) && clauses[i] == clauses[i + 2])
            {
                foreach (Concept day in thesaurus.DaysBetween(from, to))
                {
                    concepts.Add(day);
                    (conditional.Contains(from) ? conditional : outside).Add(day);
                }
            }
        }

        // A relation to an object (allergic to it, afraid of it) is a stance of its own, not a choice for or against it.
        if (concepts.Any(static c => c.Qualifier))
        {
            favoured.Clear();
            opposed.Clear();
        }

        foreach ((Regex pattern, Concept concept) in thesaurus.Patterns)
        {
            if (pattern.IsMatch(text) && concepts.Add(concept))
            {
                favoured.Add(concept);
            }
        }

        // Against everything a diet avoids is that diet: "I don't eat meat or fish" is vegetarian.
        foreach ((Concept diet, Concept[] avoids) in thesaurus.Diets)
        {
            if (Array.TrueForAll(avoids, a => opposed.Contains(a) && !favoured.Contains(a)))
            {
                concepts.Add(diet);
                favoured.Add(diet);
            }
        }

        conditional.ExceptWith(outside);
        conditionalWords.ExceptWith(outsideWords);
        return new ObjectKey(concepts, residual, favoured, opposed, conditional, conditionalWords);
    }

    /// <summary>Gets whether a negation cue stands shortly before the words <paramref name="start"/>..<paramref name="end"/> in their clause, or "free" right after ("emoji-free").</summary>
    private static bool Negated(List<string> words, List<int> clauses, bool[] named, bool[] against, int start, int end) =>
        NegatedBefore(words, clauses, named, against, start) || (end < words.Count && clauses[end] == clauses[start] && words[end] == "free");

    private static bool NegatedBefore(List<string> words, List<int> clauses, bool[] named, bool[] against, int start)
    {
        int between = 0;
        for (int i = start - 1; i >= 0 && between <= NegationReach && clauses[i] == clauses[start]; i--)
        {
            if (Negation.Cues.Contains(words[i]) || against[i])
            {
                return true;
            }

            if (!TextTools.IsStopWord(words[i]))
            {
                between++;
            }

            if (FunctionWords.Prepositions.Contains(words[i]) && i > 0 && named[i - 1])
            {
                // The negation is about the object the preposition qualifies: "never emojis in emails" is not against email,
                // while "not by ringing me" and "don't show times in am/pm" reach past theirs.
                return false;
            }
        }

        return false;
    }

    /// <summary>
    /// Gets the words whose objects the statement dismisses with "keep … out/away/low/down" or "leave … out": those in
    /// between ("keep fresh coriander out of my food", "keep the heat low"), or with a pronoun in between, those named
    /// before it ("…, leave them out").
    /// </summary>
    private static List<Range> Dismissals(List<string> words)
    {
        var ranges = new List<Range>();
        for (int i = 0; i < words.Count; i++)
        {
            if (words[i] is not ("keep" or "leave"))
            {
                continue;
            }

            for (int j = i + 1; j < words.Count && j <= i + 4; j++)
            {
                if (words[j] is "out" or "away" or "low" or "down")
                {
                    bool pronoun = j == i + 2 && words[i + 1] is "it" or "them" or "those" or "that";
                    ranges.Add(pronoun ? new Range(0, i) : new Range(i + 1, j));
                    break;
                }
            }
        }

        return ranges;
    }

    /// <summary>
    /// Marks as aside the clauses that give a reason rather than a preference: one other than the first that opens with a
    /// reason ("…, that's my writing time", "…, I need that hour for myself"), or the rest of a clause from a cue such as
    /// "because" on; not a consequence ("…, that's why I text").
    /// </summary>
    private static void MarkReasons(List<string> words, List<int> clauses, Thesaurus thesaurus, bool[] aside)
    {
        for (int i = 1; i < words.Count; i++)
        {
            List<string[]> cues = clauses[i] != clauses[i - 1] ? thesaurus.ReasonOpeners : thesaurus.ReasonCues;
            string[]? cue = cues.Find(c => StandsAt(words, clauses, i, c));
            if (cue is null || (i + cue.Length < words.Count && clauses[i + cue.Length] == clauses[i] && words[i + cue.Length] == "why"))
            {
                continue;
            }

            for (int j = i; j < words.Count && clauses[j] == clauses[i]; j++)
            {
                aside[j] = true;
            }
        }
    }

    /// <summary>
    /// Marks the words of idioms of dislike as aside: one said after its object ("garlic is not my friend") dismisses what
    /// stands before it in its clause; one said before ("steer clear of dairy") turns against what follows, as a negation cue.
    /// </summary>
    private static void MarkIdioms(string[] stems, List<int> clauses, Thesaurus thesaurus, bool[] aside, bool[] against, List<Range> dismissed)
    {
        for (int i = 0; i < stems.Length; i++)
        {
            if (thesaurus.AgainstAfter.Find(idiom => StandsAt(stems, clauses, i, idiom)) is { } after)
            {
                int start = i;
                while (start > 0 && clauses[start - 1] == clauses[i])
                {
                    start--;
                }

                dismissed.Add(new Range(start, i));
                aside.AsSpan(i, after.Length).Fill(true);
            }
            else if (thesaurus.AgainstBefore.Find(idiom => StandsAt(stems, clauses, i, idiom)) is { } before)
            {
                aside.AsSpan(i, before.Length).Fill(true);
                against.AsSpan(i, before.Length).Fill(true);
            }
        }
    }

    /// <summary>Gets whether a phrase stands at <paramref name="start"/>, within one clause.</summary>
    private static bool StandsAt(IReadOnlyList<string> words, List<int> clauses, int start, string[] phrase)
    {
        if (start + phrase.Length > words.Count || clauses[start + phrase.Length - 1] != clauses[start])
        {
            return false;
        }

        for (int k = 0; k < phrase.Length; k++)
        {
            if (!string.Equals(words[start + k], phrase[k], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static string StemOf(string word) => NumberWords.AsDigits.TryGetValue(word, out string? digits) ? digits : Stemmer.KeyStem(word);

    /// <summary>Lower-cases and separates numbers from units ("6am" → "6 am", "1,000" → "1000").</summary>
    private static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        for (int i = 0; i < text.Length; i++)
        {
            char c = char.ToLowerInvariant(text[i]);
            if (c == ',' && i > 0 && i + 1 < text.Length && char.IsDigit(text[i - 1]) && char.IsDigit(text[i + 1]))
            {
                continue;
            }

            if (builder.Length > 0 && char.IsLetterOrDigit(c) && char.IsLetterOrDigit(builder[^1]) && char.IsDigit(c) != char.IsDigit(builder[^1]))
            {
                builder.Append(' ');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>How two keys relate.</summary>
    /// <param name="SharedObject">Both name the same specific thing (a concept that is not only a domain, a qualifier or a
    /// condition), or the same domain under the same condition and nothing else.</param>
    /// <param name="SharedWord">Both contain the same word no concept covers (a name, a place, a number), not only in their conditions.</param>
    /// <param name="Clash">Each names a concept the other does not, one of them specific: different objects or conditions ("peanuts" vs
    /// "dogs", "mornings" vs "Fridays"); two domains alone ("examples" vs "code") do not tell statements apart.</param>
    /// <param name="SoftClash">One names a specific concept the other lacks while the other has words of its own: perhaps a condition
    /// the other does not have ("black coffee" vs "no coffee after 3pm").</param>
    /// <param name="SameStance">Both take the same stance on the objects they share ("no am/pm" and "the 24-hour clock"), whatever
    /// the polarity of the whole sentences.</param>
    /// <param name="StanceClash">One is for a shared object and the other against it ("I love coriander", "I can't bear coriander").</param>
    internal readonly record struct Agreement(bool SharedObject, bool SharedWord, bool Clash, bool SoftClash, bool SameStance, bool StanceClash);

    private readonly record struct Exclusive(bool Any, bool Specific, bool Words);

    /// <summary>Punctuation that ends a clause; a colon only when not inside a time ("14:30").</summary>
    [GeneratedRegex(@"[.;!?()\u2013\u2014]|,|:(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex ClauseBreak();

    /// <summary>A thesaurus concept.</summary>
    /// <param name="Id">Its name.</param>
    /// <param name="Group">The kind of thing it is (food, drink, channel, …).</param>
    /// <param name="Broad">Whether it names a domain (a meeting, code, a hotel) rather than an object.</param>
    /// <param name="Qualifier">Whether it says how the user relates to an object (allergic to it, afraid of it) rather than naming one.</param>
    /// <param name="Condition">Whether it says when a preference holds (a time of day, a weekday, a month, a season) rather than what it
    /// is about: shared, it is no object; named by one statement only, it tells the two apart.</param>
    internal sealed record Concept(string Id, string Group, bool Broad, bool Qualifier, bool Condition);

    private sealed class Thesaurus
    {
        private readonly Dictionary<string, List<(string[] Stems, Concept Concept, bool Opposite)>> _byFirstStem = new(StringComparer.Ordinal);

        // Words matched as written, before stemming: "calling" is a phone call while "calls" are meetings.
        private readonly Dictionary<string, Concept> _forms = new(StringComparer.Ordinal);

        private Concept[] _week = [];

        public HashSet<string> Framing { get; } = new(StringComparer.Ordinal);

        /// <summary>Gets the diets with the things they avoid.</summary>
        public List<(Concept Diet, Concept[] Avoids)> Diets { get; } = [];

        /// <summary>Gets the patterns that name a concept without a term ("14:30" is the 24-hour clock).</summary>
        public List<(Regex Pattern, Concept Concept)> Patterns { get; } = [];

        /// <summary>Gets the words that open a reason clause after the first ("that's", "because"), as written.</summary>
        public List<string[]> ReasonOpeners { get; } = [];

        /// <summary>Gets the words that open a reason wherever they stand but at the start ("because").</summary>
        public List<string[]> ReasonCues { get; } = [];

        /// <summary>Gets the idioms of dislike said after their object ("is not my friend"), as stems.</summary>
        public List<string[]> AgainstAfter { get; } = [];

        /// <summary>Gets the idioms of dislike said before their object ("steer clear of"), as stems.</summary>
        public List<string[]> AgainstBefore { get; } = [];

        /// <summary>Gets the days of the work week.</summary>
        public HashSet<Concept> WorkWeek { get; } = [];

        /// <summary>Gets the group of the days of the week.</summary>
        public string DayGroup { get; private set; } = "";

        /// <summary>Gets the days after <paramref name="from"/> and before <paramref name="to"/>, round the week (none unless both are days).</summary>
        public IEnumerable<Concept> DaysBetween(Concept from, Concept to)
        {
            int start = Array.IndexOf(_week, from), end = Array.IndexOf(_week, to);
            if (start < 0 || end < 0 || start == end)
            {
                yield break;
            }

            for (int day = (start + 1) % _week.Length; day != end; day = (day + 1) % _week.Length)
            {
                yield return _week[day];
            }
        }

        public static Thesaurus Load()
        {
            using JsonDocument document = LanguagePack.Parse(LanguagePack.ObjectSynonyms);
            var thesaurus = new Thesaurus();
            foreach (JsonElement word in document.RootElement.GetProperty("framing").EnumerateArray())
            {
                thesaurus.Framing.Add(Stemmer.KeyStem(word.GetString()!));
            }

            var byId = new Dictionary<string, Concept>(StringComparer.Ordinal);
            var avoidances = new List<(Concept Diet, JsonElement Avoids)>();
            foreach (JsonElement item in document.RootElement.GetProperty("concepts").EnumerateArray())
            {
                var concept = new Concept(
                    item.GetProperty("id").GetString()!,
                    item.GetProperty("group").GetString()!,
                    item.TryGetProperty("broad", out JsonElement broad) && broad.GetBoolean(),
                    item.TryGetProperty("qualifier", out JsonElement qualifier) && qualifier.GetBoolean(),
                    item.TryGetProperty("condition", out JsonElement condition) && condition.GetBoolean());
                byId[concept.Id] = concept;
                if (item.TryGetProperty("avoids", out JsonElement avoids))
                {
                    avoidances.Add((concept, avoids));
                }

                if (item.TryGetProperty("patterns", out JsonElement patterns))
                {
                    foreach (JsonElement pattern in patterns.EnumerateArray())
                    {
                        thesaurus.Patterns.Add((new Regex(pattern.GetString()!, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)), concept));
                    }
                }

                thesaurus.Add(item.GetProperty("terms"), concept, opposite: false);
                if (item.TryGetProperty("opposites", out JsonElement opposites))
                {
                    thesaurus.Add(opposites, concept, opposite: true);
                }

                if (item.TryGetProperty("forms", out JsonElement forms))
                {
                    foreach (JsonElement form in forms.EnumerateArray())
                    {
                        thesaurus._forms[form.GetString()!] = concept;
                    }
                }
            }

            thesaurus.ReasonOpeners.AddRange(Phrases(StanceIdioms.ReasonOpeners, static w => w));
            thesaurus.ReasonCues.AddRange(Phrases(StanceIdioms.ReasonAnywhere, static w => w));
            thesaurus.AgainstAfter.AddRange(Phrases(StanceIdioms.AgainstAfter, StemOf));
            thesaurus.AgainstBefore.AddRange(Phrases(StanceIdioms.AgainstBefore, StemOf));
            JsonElement week = document.RootElement.GetProperty("week");
            thesaurus._week = [.. week.GetProperty("days").EnumerateArray().Select(d => DayOf(byId, d))];
            thesaurus.WorkWeek.UnionWith(week.GetProperty("work").EnumerateArray().Select(d => DayOf(byId, d)));
            thesaurus.DayGroup = thesaurus._week[0].Group;

            foreach ((Concept diet, JsonElement avoids) in avoidances)
            {
                thesaurus.Diets.Add((diet, [.. avoids.EnumerateArray().Select(a => byId.TryGetValue(a.GetString()!, out Concept? avoided) ? avoided
                    : throw new InvalidOperationException($"The object thesaurus: {diet.Id} avoids an unknown concept."))]));
            }

            foreach (List<(string[] Stems, Concept Concept, bool Opposite)> list in thesaurus._byFirstStem.Values)
            {
                list.Sort(static (a, b) => b.Stems.Length.CompareTo(a.Stems.Length));
            }

            return thesaurus;
        }

        /// <summary>
        /// Gets how many stems from <paramref name="start"/> the longest matching term covers (0 if none), and whether that
        /// term names the opposite of its concept; a word listed as a form is matched as written first.
        /// </summary>
        public int Match(List<string> words, string[] stems, int start, out Concept? concept, out bool opposite)
        {
            opposite = false;
            if (_forms.TryGetValue(words[start], out concept))
            {
                return 1;
            }

            if (!_byFirstStem.TryGetValue(stems[start], out List<(string[] Stems, Concept Concept, bool Opposite)>? terms))
            {
                return 0;
            }

            foreach ((string[] term, Concept candidate, bool isOpposite) in terms)
            {
                if (start + term.Length <= stems.Length && stems.AsSpan(start, term.Length).SequenceEqual(term))
                {
                    concept = candidate;
                    opposite = isOpposite;
                    return term.Length;
                }
            }

            return 0;
        }

        private static IEnumerable<string[]> Phrases(IReadOnlyList<string> phrases, Func<string, string> form) =>
            phrases.Select(p => TextTools.Words(Normalize(p)).Select(form).ToArray());

        private static Concept DayOf(Dictionary<string, Concept> byId, JsonElement id) =>
            byId.TryGetValue(id.GetString()!, out Concept? day) ? day : throw new InvalidOperationException($"The object thesaurus: the week names an unknown day, {id}.");

        private void Add(JsonElement terms, Concept concept, bool opposite)
        {
            foreach (JsonElement term in terms.EnumerateArray())
            {
                List<string> words = TextTools.Words(Normalize(term.GetString()!));
                if (words.Count == 0 || (words.Count == 1 && words[0].Length < 2))
                {
                    continue;
                }

                string[] stems = [.. words.Select(StemOf)];
                if (!_byFirstStem.TryGetValue(stems[0], out List<(string[] Stems, Concept Concept, bool Opposite)>? list))
                {
                    _byFirstStem[stems[0]] = list = [];
                }

                list.Add((stems, concept, opposite));
            }
        }
    }
}
