using System.Buffers;
using System.Globalization;
using System.Numerics.Tensors;
using System.Text.RegularExpressions;
using Penchant.Domain;
using Penchant.Language;

namespace Penchant.Ranking;

/// <summary>A stated preference prepared for ranking: how much it applies to the request, and its clauses with their embeddings.</summary>
/// <param name="Preference">The preference.</param>
/// <param name="Weight">How much it counts: the probability that it applies to the request, times its strength.</param>
/// <param name="Clauses">Its clauses.</param>
/// <param name="Vectors">The embedding of each clause's object.</param>
internal sealed record RankingPreference(Preference Preference, double Weight, IReadOnlyList<PreferenceClause> Clauses, IReadOnlyList<float[]> Vectors)
{
    /// <summary>Gets the numeric bounds the preference states ("no more than 30 rooms").</summary>
    public IReadOnlyList<NumericConstraint> Bounds { get; } = NumericConstraints.Parse(Preference.Text);
}

/// <summary>A candidate prepared for ranking: its text, content stems, the passages that leave something out, and embedding.</summary>
internal sealed class RankingCandidate
{
    public RankingCandidate(string text, ReadOnlyMemory<float> vector)
    {
        Text = text;
        Sequence = new StemSequence(text);
        Vector = vector;
        Exclusions = StatedPreferenceScorer.ExclusionSpans(text.ToLowerInvariant());
    }

    public string Text { get; }

    public ReadOnlyMemory<float> Vector { get; }

    /// <summary>Gets the content stems in order, each with where its word starts.</summary>
    public StemSequence Sequence { get; }

    /// <summary>Gets the passages that leave something out ("gluten-free", "without meat", "faux fur").</summary>
    public List<ExclusionSpan> Exclusions { get; }
}

/// <summary>A passage of a candidate that leaves something out, and the words that say so ("free", "without", "faux").</summary>
/// <param name="Start">Where it starts in the text.</param>
/// <param name="End">Where it ends (exclusive).</param>
/// <param name="Markers">The stems of the words that say something is left out.</param>
internal sealed record ExclusionSpan(int Start, int End, string[] Markers);

/// <summary>
/// Day-one ranking from what the user said: each candidate is compared with the object of each applicable preference's
/// clauses (embedding similarity and shared words); a candidate close to something the user avoids loses, close to
/// something the user asked for gains, a candidate that explicitly excludes an avoided thing ("gluten-free") gains, and a
/// candidate that keeps to a numeric bound ("under two hours") gains. Everyday knowledge widens the words a clause matches
/// (<see cref="RankingConcepts"/>): "reptiles" matches a ball python, and "cruelty-free" excludes "tested on animals". How
/// much each of these counts is learned: see <see cref="Weights"/>.
/// </summary>
internal static partial class StatedPreferenceScorer
{
    /// <summary>The names of the features of a (preference, candidate) pair, in the order of <see cref="Weights"/>.</summary>
    public static readonly IReadOnlyList<string> FeatureNames =
    [
        "wanted: similarity", "avoided: similarity", "wanted: shared words", "avoided: shared words",
        "wanted: excluded", "avoided: excluded", "numeric bounds kept", "wanted: closest", "avoided: closest",
        "wanted: mentioned", "avoided: mentioned",
    ];

    /// <summary>The index of the numeric-bounds feature, whose weight is held rather than fitted (see <see cref="Weights"/>).</summary>
    public const int NumericFeature = 6;

    /// <summary>
    /// The weight of each feature, per unit of the engine's stated-preference scale: similarity counts fully, shared words
    /// half, an exclusion half the other way, a numeric bound one unit per bound kept or broken.
    /// </summary>
    /// <remarks>
    /// These are the hand-set rules. <c>penchant eval prefeval-mcq --fit-topics</c> fits a conditional logit from them
    /// toward PrefEval multiple-choice items of some topics (penalty chosen by leaving one fitted topic out at a time) and
    /// reports it on the other topics; fitted on education, games, beauty, pets and fashion it stayed at the rules (the
    /// chosen penalty keeps it there) and did no better on the five held-out topics, so the rules stand. A numeric bound is
    /// a constraint the user stated outright, and those topics state none, so its weight is held while the others are fitted.
    /// </remarks>
    public static readonly IReadOnlyList<double> Weights = [1.0, -1.0, 0.5, -0.5, -0.5, 0.5, 1.0, 0, 0, 0, 0];

    // The words that say something is left out; they are not themselves what is left out ("vegan and cruelty-free").
    private static readonly HashSet<string> ExclusionWords = new(StringComparer.Ordinal)
    {
        "no", "without", "free", "of", "non", "zero", "avoid", "avoids", "skip", "minus", "excluding", "except", "nothing", "minimal",
        "little", "less", "fewer", "low", "limited", "away", "from", "vegan", "faux", "fake", "imitation", "plant", "based",
    };

    /// <summary>Scores the candidates; contributions are centred per preference so that they sum to zero over the candidates.</summary>
    /// <param name="preferences">The applicable preferences.</param>
    /// <param name="candidates">The candidates.</param>
    /// <param name="factors">Receives, per candidate, the preferences it satisfies or violates.</param>
    /// <returns>One score per candidate.</returns>
    public static double[] Score(IReadOnlyList<RankingPreference> preferences, IReadOnlyList<RankingCandidate> candidates, List<RankingFactor>[] factors)
    {
        int n = candidates.Count;
        var total = new double[n];
        foreach (RankingPreference p in preferences)
        {
            double[][] features = Features(p, candidates);
            for (int i = 0; i < n; i++)
            {
                double contribution = p.Weight * Apply(Weights, features[i]);
                total[i] += contribution;
                if (Math.Abs(contribution) > 1e-3)
                {
                    string verb = contribution > 0 ? "satisfies" : "violates";
                    factors[i].Add(new RankingFactor($"{verb}: {p.Preference.Text}", contribution, p.Preference.Id));
                }
            }
        }

        return total;
    }

    /// <summary>The weighted sum of a candidate's features.</summary>
    public static double Apply(IReadOnlyList<double> weights, double[] features)
    {
        double sum = 0;
        for (int k = 0; k < features.Length; k++)
        {
            sum += weights[k] * features[k];
        }

        return sum;
    }

    /// <summary>
    /// The features of each candidate against one preference (see <see cref="FeatureNames"/>), centred over the candidates:
    /// only how a candidate differs from the others says which one the user wants.
    /// </summary>
    /// <remarks>
    /// A candidate's match with a clause is how much it is about the clause's object: embedding similarity and shared words
    /// (words that differ only in a short ending count as shared), or, when it mentions the object only to exclude it
    /// ("silicone-free", "vegan leather", "minimal dialogue"), an exclusion instead.
    /// </remarks>
    public static double[][] Features(RankingPreference preference, IReadOnlyList<RankingCandidate> candidates)
    {
        int n = candidates.Count;
        var features = new double[n][];
        for (int i = 0; i < n; i++)
        {
            features[i] = new double[FeatureNames.Count];
        }

        // Where Match finds a concept's phrases in a candidate; reused across clauses and candidates.
        var occurrences = new List<(int First, int Last)>();
        for (int c = 0; c < preference.Clauses.Count; c++)
        {
            PreferenceClause clause = preference.Clauses[c];
            int side = clause.Negative ? 1 : 0;

            // An object that is itself an exclusion ("non-fiction") is matched as it stands.
            bool excludedInObject = ExcludesAny(clause.Object.ToLowerInvariant(), clause.Stems);
            List<NamedConcept> concepts = RankingConcepts.NamedBy(clause.Object);
            for (int i = 0; i < n; i++)
            {
                RankingCandidate candidate = candidates[i];
                (double mentioned, double excluded) = Match(clause, concepts, excludedInObject, candidate, occurrences);
                if (excluded > 0)
                {
                    features[i][4 + side] += excluded;
                }

                // A candidate that only leaves the object out is not about it, however close its embedding; one that also
                // names it elsewhere ("a vegan coat with a leather trim") is.
                if (mentioned > 0 || excluded == 0)
                {
                    features[i][side] += TensorPrimitives.CosineSimilarity(preference.Vectors[c], candidate.Vector.Span);
                    features[i][2 + side] += mentioned;
                    features[i][9 + side] += mentioned > 0 ? 1 : 0;
                }
            }
        }

        IReadOnlyList<NumericConstraint> bounds = preference.Bounds;
        for (int i = 0; i < n; i++)
        {
            features[i][NumericFeature] = NumericConstraints.Check(bounds, candidates[i].Text);
        }

        MarkClosest(features, 0, 7);
        MarkClosest(features, 1, 8);

        for (int k = 0; k < FeatureNames.Count; k++)
        {
            double mean = 0;
            for (int i = 0; i < n; i++)
            {
                mean += features[i][k] / n;
            }

            for (int i = 0; i < n; i++)
            {
                features[i][k] -= mean;
            }
        }

        return features;
    }

    /// <summary>Marks, in one feature, the candidate with the highest value of another, unless all are level.</summary>
    private static void MarkClosest(double[][] features, int from, int to)
    {
        int best = 0;
        bool level = true;
        for (int i = 1; i < features.Length; i++)
        {
            level &= features[i][from] == features[0][from];
            if (features[i][from] > features[best][from])
            {
                best = i;
            }
        }

        if (!level)
        {
            features[best][to] = 1;
        }
    }

    /// <summary>
    /// How much of a clause a candidate is about, and how much of it the candidate names only to leave out, each as a share
    /// of the clause's stems. Words count up to a short ending ("silicones", "silicone"); a concept the clause names counts
    /// when the candidate names a kind of it ("reptiles": "a ball python"), and is left out when the candidate names an
    /// opposite of it ("tested on animals": "cruelty-free"). An exclusion whose own word the preference uses is not one
    /// ("fur, whether real or faux": "a faux fur parka" is fur).
    /// </summary>
    private static (double Mentioned, double Excluded) Match(
        PreferenceClause clause, List<NamedConcept> concepts, bool excludedInObject, RankingCandidate candidate, List<(int First, int Last)> occurrences)
    {
        if (clause.Stems.Count == 0)
        {
            return (0, 0);
        }

        StemSequence sequence = candidate.Sequence;

        // Nothing to leave out and no concept to widen the words: the share of the clause's words the candidate names.
        if (concepts.Count == 0 && (excludedInObject || candidate.Exclusions.Count == 0))
        {
            int named = 0;
            foreach (string stem in clause.Stems)
            {
                named += sequence.ContainsLike(stem) ? 1 : 0;
            }

            return ((double)named / clause.Stems.Count, 0);
        }

        var excludedAt = new bool[sequence.Count];
        if (!excludedInObject)
        {
            foreach (ExclusionSpan span in candidate.Exclusions)
            {
                if (NamesAny(clause.Stems, span.Markers))
                {
                    continue;
                }

                for (int k = 0; k < sequence.Count; k++)
                {
                    (string stem, int at) = sequence.Words[k];
                    excludedAt[k] |= at >= span.Start && at < span.End && !span.Markers.Contains(stem);
                }
            }
        }

        // An opposite leaves out its own concept; the clause's own words within one are left out too ("almond milk" for milk).
        var mentioned = new HashSet<string>(StringComparer.Ordinal);
        var excluded = new HashSet<string>(StringComparer.Ordinal);
        var opposed = new bool[concepts.Count][];
        var wordLeft = (bool[])excludedAt.Clone();
        for (int c = 0; c < concepts.Count; c++)
        {
            opposed[c] = (bool[])excludedAt.Clone();
            occurrences.Clear();
            sequence.FindPhrases(concepts[c].Concept.Opposites, occurrences);
            foreach ((int first, int last) in occurrences)
            {
                excluded.UnionWith(concepts[c].TermStems);
                excluded.UnionWith(concepts[c].MemberStems);
                for (int k = first; k <= last; k++)
                {
                    opposed[c][k] = true;
                    wordLeft[k] = true;
                }
            }
        }

        foreach (string stem in clause.Stems)
        {
            for (int k = sequence.IndexOfLike(stem, 0); k >= 0; k = sequence.IndexOfLike(stem, k + 1))
            {
                (wordLeft[k] ? excluded : mentioned).Add(stem);
            }
        }

        for (int c = 0; c < concepts.Count; c++)
        {
            NamedConcept named = concepts[c];
            if (named.TermStems.Count == 0)
            {
                continue;
            }

            // A candidate that leaves out the concept by name ("gluten-free") leaves it out of the kinds it names too ("a
            // gluten-free trattoria with pizza and pasta"). Only the concept's own opposites leave out its kinds: reading is
            // an opposite of listening, yet still a kind of passive learning.
            bool termLeft = false;
            occurrences.Clear();
            sequence.FindPhrases(named.Concept.Terms, occurrences);
            foreach ((int first, int last) in occurrences)
            {
                bool left = IsExcluded(opposed[c], first, last);
                termLeft |= left;
                (left ? excluded : mentioned).UnionWith(named.TermStems);
            }

            occurrences.Clear();
            sequence.FindPhrases(named.Concept.Members, occurrences);
            foreach ((int first, int last) in occurrences)
            {
                (termLeft || IsExcluded(opposed[c], first, last) ? excluded : mentioned).UnionWith(named.TermStems);
            }
        }

        excluded.ExceptWith(mentioned);
        return ((double)mentioned.Count / clause.Stems.Count, (double)excluded.Count / clause.Stems.Count);
    }

    /// <summary>Whether every word of an occurrence is within an exclusion.</summary>
    private static bool IsExcluded(bool[] excludedAt, int first, int last)
    {
        for (int k = first; k <= last; k++)
        {
            if (!excludedAt[k])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether the stems hold one of the words (up to a short ending).</summary>
    private static bool NamesAny(HashSet<string> stems, string[] words)
    {
        foreach (string word in words)
        {
            if (TextTools.ContainsLike(stems, word))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The passages of a lower-cased text that leave something out, with the words that say so.</summary>
    public static List<ExclusionSpan> ExclusionSpans(string lower)
    {
        var spans = new List<ExclusionSpan>();
        foreach ((int start, int end) in ExclusionMatches(lower))
        {
            string[] markers = [.. TextTools.Words(lower[start..end]).Where(static w => ExclusionWords.Contains(w)).Select(Stemmer.Stem)];
            spans.Add(new ExclusionSpan(start, end, markers));
        }

        return spans;
    }

    /// <summary>Whether the candidate mentions one of the stems only to exclude it ("gluten-free", "without meat", "no emojis").</summary>
    public static bool ExcludesAny(string lower, HashSet<string> stems)
    {
        foreach ((int start, int end) in ExclusionMatches(lower))
        {
            foreach (string word in TextTools.Words(lower[start..end]))
            {
                if (word.Length > 1 && !ExclusionWords.Contains(word) && TextTools.ContainsLike(stems, Stemmer.Stem(word)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Finds the passages of a lower-cased text that <see cref="ExclusionSource"/> matches, as <see cref="Regex.Matches(string)"/>
    /// would: the leftmost match, then the leftmost from where it ends, and so on.
    /// </summary>
    /// <remarks>
    /// The pattern opens with a class of word characters ("…-free"), so a search tries it at every word of the text: that was
    /// 15–30% of ranking 20 candidates. Every match starts at one of <see cref="ExclusionCues"/> or, for "…-free" and "… free",
    /// within the run of non-space characters just before "free"; so the pattern is tried, anchored, only at those places, in
    /// order, which finds the same matches.
    /// </remarks>
    internal static List<(int Start, int End)> ExclusionMatches(string lower)
    {
        var matches = new List<(int Start, int End)>();
        ReadOnlySpan<char> text = lower;
        Span<bool> canStart = text.Length <= 1024 ? stackalloc bool[text.Length] : new bool[text.Length];
        int first = text.Length;
        for (int at = text.IndexOfAny(ExclusionCues); at >= 0; at = NextCue(text, at + 1))
        {
            canStart[at] = true;
            first = Math.Min(first, at);
            if (text[at..].StartsWith("free", StringComparison.Ordinal) && at >= 2 && text[at - 1] is '-' or ' ')
            {
                for (int k = at - 2; k >= 0 && !char.IsWhiteSpace(text[k]); k--)
                {
                    canStart[k] = true;
                    first = Math.Min(first, k);
                }
            }
        }

        for (int at = first; at < text.Length;)
        {
            int next = at + 1;
            foreach (ValueMatch m in ExclusionAt().EnumerateMatches(text, at))
            {
                matches.Add((m.Index, m.Index + m.Length));
                next = m.Index + m.Length;
                break;
            }

            int skip = next < text.Length ? canStart[next..].IndexOf(true) : -1;
            at = skip < 0 ? text.Length : next + skip;
        }

        return matches;

        static int NextCue(ReadOnlySpan<char> text, int from)
        {
            int found = from < text.Length ? text[from..].IndexOfAny(ExclusionCues) : -1;
            return found < 0 ? -1 : from + found;
        }
    }

    /// <summary>Describes a number for a factor.</summary>
    public static string Format(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    // Words that leave out what follows ("without any added sugar") reach a few words on; words that qualify ("low-maintenance
    // reptile", "minimal dialogue", "faux fur") reach only the next word; "little" is scarcity only after a word of having
    // ("with little gluten", "very little sugar"), not size ("a little black dress"). A word a match opens with must be one of
    // ExclusionCues or begin with one (see ExclusionMatches).
    internal const string ExclusionSource = @"\b[\w-]+[- ]free\b|\b(?:no|without|free of|avoids?|skip|minus|excluding|except|nothing|away from)[- ](?:\w+[- ]){0,2}\w+|\b(?:non|zero|minimal|less|fewer|low|limited|vegan|faux|fake|imitation|plant-based)[- ]\w+|(?<=\b(?:with|has|have|contains?|very|so|too) )little \w+";

    // Where a match of ExclusionSource can start: at one of these, or, for "…-free" and "… free", in the word before "free".
    private static readonly SearchValues<string> ExclusionCues = SearchValues.Create(
        [
            "free", "no", "without", "avoid", "skip", "minus", "excluding", "except", "away from", "zero", "minimal", "less", "fewer",
            "low", "limited", "vegan", "faux", "fake", "imitation", "plant-based", "little ",
        ],
        StringComparison.Ordinal);

    /// <summary>The exclusion pattern, matched only where the search starts.</summary>
    [GeneratedRegex(@"\G(?:" + ExclusionSource + ")", RegexOptions.CultureInvariant)]
    private static partial Regex ExclusionAt();
}
