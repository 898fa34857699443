using Penchant.Knowledge;
using Penchant.Language;

namespace Penchant.Ranking;

/// <summary>
/// What general knowledge says about a preference clause's object: which of its words name a thing that has kinds
/// (WordNet's noun hierarchy, see <see cref="WordNetNouns"/>), and whether it names a property of form (<see cref="StyleTerms"/>).
/// </summary>
/// <param name="Kinds">For each stem of the object that names a thing WordNet knows, the synsets a kind of it descends from.</param>
/// <param name="Style">The surface factor the object names, when it names one that is measured reliably.</param>
/// <param name="OnlyStyle">Whether the object names form alone ("short answers", "emojis"), so its words say nothing about content.</param>
internal sealed record ClauseKnowledge(Dictionary<string, int[]> Kinds, StyleTerms.StyleTerm? Style, bool OnlyStyle)
{
    // Surface factors whose words name form even beside other words ("emojis in messages to colleagues"): emoji, lists,
    // headings and exclamations. Length, questions, code and register words also name content ("short hikes",
    // "questions about history", "formal gardens"), so they count only when the object is about form alone.
    private static readonly int[] FormOnly = [1, 2, 3, 8];

    /// <summary>What is known about a clause object, looked up afresh.</summary>
    /// <remarks>
    /// Nothing is kept here: clause objects are users' words, so what ranking keeps of them lives in the user's state
    /// (<see cref="RankingUser"/>) and goes with it.
    /// </remarks>
    public static ClauseKnowledge Of(string clauseObject)
    {
        List<string> words = TextTools.Words(clauseObject);
        StyleTerms.StyleTerm? style = null;
        bool onlyStyle = false;
        if (StyleTerms.TryFind(words, out StyleTerms.StyleTerm term, out bool only) && (only || FormOnly.Contains(term.Factor)))
        {
            (style, onlyStyle) = (term, only);
        }

        // A pair of words WordNet knows as one thing ("sea lion") names it for both; otherwise each word names its own.
        var kinds = new Dictionary<string, int[]>(StringComparer.Ordinal);
        WordNetNouns wordNet = WordNetNouns.Default;
        if (wordNet.IsAvailable && !onlyStyle)
        {
            for (int k = 0; k + 1 < words.Count; k++)
            {
                int[] pair = wordNet.Concept(words[k] + " " + words[k + 1]);
                if (pair.Length > 0)
                {
                    kinds.TryAdd(Stemmer.Stem(words[k]), pair);
                    kinds.TryAdd(Stemmer.Stem(words[k + 1]), pair);
                }
            }

            foreach (string word in words)
            {
                if (!TextTools.IsStopWord(word) && wordNet.Concept(word) is { Length: > 0 } concept)
                {
                    kinds.TryAdd(Stemmer.Stem(word), concept);
                }
            }
        }

        return new ClauseKnowledge(kinds, style, onlyStyle);
    }
}
