using System.Globalization;
using Penchant.Domain;
using Penchant.Language;
using Penchant.Learning.Edits;
using Penchant.Ranking;

namespace Penchant.Learning.Principles;

/// <summary>
/// Distils principles from judgements, after Inverse Constitutional AI (Findeis et al., 2024) with measurable factors in
/// place of a language model: every measured style factor (length, bullet points, emoji, formality, questions, hedging, …)
/// and every content word that tells the two texts apart is a candidate rule; a candidate is proposed from one half of the
/// judgements, kept only if it predicts the other half, and the kept ones are chosen greedily for what they add. Given the
/// user's learned ranking weights on the surface factors (see <see cref="SurfaceFeatures"/>), the factors they weigh most are
/// candidates too, proposed by the ranking model in the direction it learned and kept, like the others, only if they
/// predict the held-back half.
/// </summary>
/// <remarks>Thread-safe; no I/O. Deterministic for given judgements.</remarks>
public static class PrincipleMiner
{
    /// <summary>The most principles returned.</summary>
    public const int MaxPrinciples = 10;

    /// <summary>The lowest accuracy on the proposing half for a candidate to be proposed.</summary>
    public const double ProposeAccuracy = 0.7;

    /// <summary>The lowest accuracy on the held-back half for a proposed candidate to be kept.</summary>
    public const double KeepAccuracy = 0.6;

    /// <summary>How many of the factors the learned ranking weighs most are proposed.</summary>
    public const int LearnedCandidates = 3;

    // Hedging as the surface factor measures it (0 to 2); a difference this large counts.
    private const float HedgingStep = 0.3f;

    // A surface factor tells two texts apart when they differ by this share of the larger value (and by more than nothing).
    private const float SurfaceShare = 0.1f;

    private const string LearnedPrefix = "ranking:";

    /// <summary>Distils principles from judgements.</summary>
    /// <param name="pairs">The judgements, oldest first; every other one is held back to check what the rest propose.</param>
    /// <param name="maxPrinciples">The most principles returned.</param>
    /// <returns>The principles, most useful first.</returns>
    public static IReadOnlyList<Principle> Mine(IReadOnlyList<JudgedPair> pairs, int maxPrinciples = MaxPrinciples)
        => Mine(pairs, null, maxPrinciples);

    /// <summary>Distils principles from judgements and from the directions a learned ranking model took.</summary>
    /// <param name="pairs">The judgements, oldest first; every other one is held back to check what the rest propose.</param>
    /// <param name="learnedWeights">
    /// The user's learned ranking weights on the surface factors, in the order of <see cref="SurfaceFeatures.Names"/>, or
    /// <see langword="null"/> for none: the <see cref="LearnedCandidates"/> factors whose weight moves the judged texts most
    /// are proposed in the direction of their weight.
    /// </param>
    /// <param name="maxPrinciples">The most principles returned.</param>
    /// <returns>The principles, most useful first.</returns>
    public static IReadOnlyList<Principle> Mine(IReadOnlyList<JudgedPair> pairs, IReadOnlyList<double>? learnedWeights, int maxPrinciples = MaxPrinciples)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var factors = new Dictionary<string, Candidate>(StringComparer.Ordinal);
        for (int i = 0; i < pairs.Count; i++)
        {
            foreach ((string key, string display, int sign) in Differences(pairs[i]))
            {
                if (!factors.TryGetValue(key, out Candidate? c))
                {
                    c = new Candidate(key, display);
                    factors[key] = c;
                }

                c.Votes.Add((i, sign));
            }
        }

        // Propose from the even judgements, keep what the odd ones confirm.
        var kept = new List<Candidate>();
        foreach (Candidate c in factors.Values)
        {
            int proposeFor = 0, proposeAgainst = 0, heldFor = 0, heldAgainst = 0;
            foreach ((int index, int sign) in c.Votes)
            {
                bool proposing = index % 2 == 0;
                if (sign > 0)
                {
                    if (proposing) { proposeFor++; } else { heldFor++; }
                }
                else if (proposing)
                {
                    proposeAgainst++;
                }
                else
                {
                    heldAgainst++;
                }
            }

            int proposed = proposeFor + proposeAgainst;
            if (proposed < 2)
            {
                continue;
            }

            c.Direction = proposeFor >= proposeAgainst ? 1 : -1;
            double proposeAccuracy = (double)Math.Max(proposeFor, proposeAgainst) / proposed;
            int tested = heldFor + heldAgainst;
            int heldRight = c.Direction > 0 ? heldFor : heldAgainst;
            if (proposeAccuracy < ProposeAccuracy || tested == 0 || (double)heldRight / tested < KeepAccuracy)
            {
                continue;
            }

            c.Tested = tested;
            c.Accuracy = (double)heldRight / tested;
            kept.Add(c);
        }

        if (learnedWeights is not null)
        {
            kept.AddRange(Learned(pairs, learnedWeights));
        }

        // Greedy: each step takes the candidate that decides the most judgements not yet decided, right minus wrong.
        var chosen = new List<Candidate>();
        var decided = new bool[pairs.Count];
        while (chosen.Count < maxPrinciples)
        {
            Candidate? best = null;
            int bestGain = 0;
            foreach (Candidate c in kept)
            {
                if (chosen.Contains(c))
                {
                    continue;
                }

                int gain = 0;
                foreach ((int index, int sign) in c.Votes)
                {
                    if (!decided[index])
                    {
                        gain += sign == c.Direction ? 1 : -1;
                    }
                }

                if (gain > bestGain || (gain == bestGain && best is not null && gain > 0 && Before(c, best)))
                {
                    best = c;
                    bestGain = gain;
                }
            }

            if (best is null)
            {
                break;
            }

            chosen.Add(best);
            foreach ((int index, _) in best.Votes)
            {
                decided[index] = true;
            }
        }

        return [.. chosen.Select(c => new Principle(
            c.Key + (c.Direction > 0 ? ":+" : ":-"),
            Describe(c),
            c.Votes.Count,
            Math.Round(c.Accuracy, 3),
            c.Tested,
            [.. c.Votes.Where(v => v.Sign == c.Direction).Select(v => pairs[v.Index].SourceId).Distinct(StringComparer.Ordinal)]))];
    }

    /// <summary>
    /// The candidates the learned ranking proposes: the factors whose weight times their mean difference over the judged
    /// pairs is largest, each in the direction of its weight, kept when at least two judgements tell the texts apart on it
    /// and the held-back (odd) ones it decides agree with it at least <see cref="KeepAccuracy"/> of the time.
    /// </summary>
    private static List<Candidate> Learned(IReadOnlyList<JudgedPair> pairs, IReadOnlyList<double> weights)
    {
        if (weights.Count != SurfaceFeatures.Count)
        {
            throw new ArgumentException($"The learned weights must have one weight per surface factor ({SurfaceFeatures.Count}).", nameof(weights));
        }

        var candidates = new Candidate[SurfaceFeatures.Count];
        var moved = new double[SurfaceFeatures.Count];
        for (int k = 0; k < candidates.Length; k++)
        {
            candidates[k] = new Candidate(LearnedPrefix + k.ToString(CultureInfo.InvariantCulture), SurfaceFeatures.Names[k]) { Direction = Math.Sign(weights[k]) };
        }

        for (int i = 0; i < pairs.Count; i++)
        {
            float[] a = SurfaceFeatures.Measure(pairs[i].Preferred);
            float[] b = SurfaceFeatures.Measure(pairs[i].Rejected);
            for (int k = 0; k < candidates.Length; k++)
            {
                moved[k] += Math.Abs(weights[k] * (a[k] - b[k])) / pairs.Count;
                if (SurfaceSign(a[k], b[k]) is int sign and not 0)
                {
                    candidates[k].Votes.Add((i, sign));
                }
            }
        }

        var kept = new List<Candidate>();
        foreach (int k in Enumerable.Range(0, candidates.Length).Where(k => moved[k] > 0).OrderByDescending(k => moved[k]).Take(LearnedCandidates))
        {
            Candidate c = candidates[k];
            int tested = 0, right = 0;
            foreach ((int index, int sign) in c.Votes)
            {
                if (index % 2 == 1)
                {
                    tested++;
                    right += sign == c.Direction ? 1 : 0;
                }
            }

            if (c.Direction != 0 && c.Votes.Count >= 2 && tested > 0 && (double)right / tested >= KeepAccuracy)
            {
                c.Tested = tested;
                c.Accuracy = (double)right / tested;
                kept.Add(c);
            }
        }

        return kept;
    }

    /// <summary>Breaks a tie in the greedy choice: what the judgements propose before what the learned ranking does, then by key.</summary>
    private static bool Before(Candidate c, Candidate other)
    {
        bool learned = c.Key.StartsWith(LearnedPrefix, StringComparison.Ordinal);
        bool otherLearned = other.Key.StartsWith(LearnedPrefix, StringComparison.Ordinal);
        return learned != otherLearned ? otherLearned : string.CompareOrdinal(c.Key, other.Key) < 0;
    }

    /// <summary>+1 when the preferred text has clearly more of a surface factor, -1 when clearly less, 0 otherwise.</summary>
    private static int SurfaceSign(float preferred, float rejected)
    {
        float difference = preferred - rejected;
        return Math.Abs(difference) > 1e-3f && Math.Abs(difference) >= SurfaceShare * Math.Max(Math.Abs(preferred), Math.Abs(rejected)) ? Math.Sign(difference) : 0;
    }

    /// <summary>Predicts which of two texts a user with these principles prefers.</summary>
    /// <param name="principles">The principles.</param>
    /// <param name="a">A text.</param>
    /// <param name="b">Another text.</param>
    /// <returns>Positive when <paramref name="a"/> is preferred, negative for <paramref name="b"/>, 0 when no principle decides.</returns>
    public static double Predict(IReadOnlyList<Principle> principles, string a, string b)
    {
        ArgumentNullException.ThrowIfNull(principles);
        var votes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach ((string key, _, int sign) in Differences(new JudgedPair(string.Empty, a, b)))
        {
            votes[key] = sign;
        }

        if (principles.Any(static p => p.Id.StartsWith(LearnedPrefix, StringComparison.Ordinal)))
        {
            float[] fa = SurfaceFeatures.Measure(a);
            float[] fb = SurfaceFeatures.Measure(b);
            for (int k = 0; k < SurfaceFeatures.Count; k++)
            {
                votes[LearnedPrefix + k.ToString(CultureInfo.InvariantCulture)] = SurfaceSign(fa[k], fb[k]);
            }
        }

        double score = 0;
        foreach (Principle p in principles)
        {
            int split = p.Id.LastIndexOf(':');
            if (votes.TryGetValue(p.Id[..split], out int sign))
            {
                int direction = p.Id[(split + 1)..] == "+" ? 1 : -1;
                double accuracy = Math.Clamp(p.Accuracy, 0.51, 0.99);
                score += sign * direction * Math.Log(accuracy / (1 - accuracy));
            }
        }

        return score;
    }

    /// <summary>
    /// The factors on which two texts differ: for each, a key, a display word and +1 when the preferred text has more of
    /// it (or mentions it), -1 when the other does.
    /// </summary>
    private static IEnumerable<(string Key, string Display, int Sign)> Differences(JudgedPair pair)
    {
        float[] a = StyleFeatures.Measure(pair.Preferred);
        float[] b = StyleFeatures.Measure(pair.Rejected);
        for (int f = 0; f < StyleFeatures.Count; f++)
        {
            float change = StyleFeatures.Change((StyleFeature)f, b[f], a[f]);
            if (StyleFeatures.IsChange((StyleFeature)f, change))
            {
                yield return ("style:" + f.ToString(CultureInfo.InvariantCulture), StyleFeatures.Names[f], Math.Sign(change));
            }
        }

        float hedgeA = SurfaceFeatures.Measure(pair.Preferred)[SurfaceFeatures.Hedging];
        float hedgeB = SurfaceFeatures.Measure(pair.Rejected)[SurfaceFeatures.Hedging];
        if (Math.Abs(hedgeA - hedgeB) >= HedgingStep)
        {
            yield return ("style:hedging", "hedging", Math.Sign(hedgeA - hedgeB));
        }

        Dictionary<string, string> wordsA = ContentWords(pair.Preferred);
        Dictionary<string, string> wordsB = ContentWords(pair.Rejected);
        foreach ((string stem, string word) in wordsA)
        {
            if (!wordsB.ContainsKey(stem))
            {
                yield return ("word:" + stem, word, 1);
            }
        }

        foreach ((string stem, string word) in wordsB)
        {
            if (!wordsA.ContainsKey(stem))
            {
                yield return ("word:" + stem, word, -1);
            }
        }
    }

    /// <summary>The content words of a text by stem, each with the first word seen for it.</summary>
    private static Dictionary<string, string> ContentWords(string text)
    {
        var words = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string word in TextTools.Words(text))
        {
            if (word.Length > 2 && !TextTools.IsStopWord(word) && !char.IsDigit(word[0]))
            {
                words.TryAdd(word[..Stemmer.StemLength(word)], word);
            }
        }

        return words;
    }

    private static string Describe(Candidate c)
    {
        bool more = c.Direction > 0;
        if (c.Key.StartsWith("word:", StringComparison.Ordinal))
        {
            return more ? $"Prefers responses that mention \"{c.Display}\"" : $"Prefers responses without \"{c.Display}\"";
        }

        return c.Display switch
        {
            "length" => more ? "Prefers longer responses" : "Prefers shorter responses",
            "sentence length" => more ? "Prefers longer sentences" : "Prefers shorter sentences",
            "formality" => more ? "Prefers a more formal tone" : "Prefers a more casual tone",
            "greeting" => more ? "Prefers opening with a greeting" : "Prefers no greeting",
            "closing" => more ? "Prefers ending with a closing" : "Prefers no closing",
            "second person" or "addresses the reader" => more ? "Prefers addressing the reader as \"you\"" : "Prefers not addressing the reader as \"you\"",
            "first person" => more ? "Prefers responses that speak in the first person" : "Prefers responses that do not speak in the first person",
            _ => more ? $"Prefers responses with more {c.Display}" : $"Prefers responses with fewer {c.Display}",
        };
    }

    private sealed class Candidate(string key, string display)
    {
        public string Key { get; } = key;

        public string Display { get; } = display;

        public List<(int Index, int Sign)> Votes { get; } = [];

        public int Direction { get; set; }

        public double Accuracy { get; set; }

        public int Tested { get; set; }
    }
}
