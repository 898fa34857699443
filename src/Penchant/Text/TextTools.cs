using System.Buffers;
using System.Text;

namespace Penchant.Text;

/// <summary>Tokenizing, stemming and stop words for the lexical features; English only for now.</summary>
internal static class TextTools
{
    private static readonly SearchValues<string> StopWords = SearchValues.Create(
        [
            "a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "at", "for", "with", "about", "from", "by", "as",
            "i", "me", "my", "mine", "myself", "we", "our", "you", "your", "it", "its", "this", "that", "these", "those", "they", "them",
            "is", "am", "are", "was", "were", "be", "been", "being", "do", "does", "did", "have", "has", "had", "will", "would", "can",
            "could", "should", "may", "might", "must", "shall", "im", "ive", "id", "dont", "doesnt", "not", "no", "so", "than", "too",
            "very", "just", "also", "please", "some", "any", "all", "what", "which", "who", "how", "when", "where", "why", "there",
            "here", "up", "out", "into", "over", "more", "most", "much", "many", "really", "like", "prefer", "want", "need", "get",
            "make", "help", "give", "let", "know", "think", "good", "great", "best", "new", "one", "s", "t", "m", "re", "ll", "d", "ve",
            "always", "never", "something", "things", "thing", "way", "ways", "recommend", "suggest", "suggestions", "ideas", "tips",
        ],
        StringComparison.Ordinal);

    private static readonly string[] StemSuffixes = ["ies", "ing", "ed", "es", "ic", "y", "s"];

    /// <summary>Splits text into lower-case word tokens (letters and digits; apostrophes dropped).</summary>
    public static List<string> Words(string text)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (char raw in text)
        {
            if (char.IsLetterOrDigit(raw))
            {
                current.Append(char.ToLowerInvariant(raw));
            }
            else if (raw is '\'' or '’')
            {
                continue;
            }
            else if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            words.Add(current.ToString());
        }

        return words;
    }

    /// <summary>Gets a value indicating whether a lower-case word is a stop word (no content of its own).</summary>
    public static bool IsStopWord(string word) => StopWords.Contains(word);

    /// <summary>Gets the stems of the content words of a text (stop words removed).</summary>
    public static HashSet<string> ContentStems(string text)
    {
        var stems = new HashSet<string>(StringComparer.Ordinal);
        foreach (string word in Words(text))
        {
            if (word.Length > 1 && !StopWords.Contains(word))
            {
                stems.Add(Stem(word));
            }
        }

        return stems;
    }

    /// <summary>
    /// Gets the stems of the content words of a text in order, each with the index of the character its word starts at: the
    /// words and stems of <see cref="ContentStems"/>, with their places (for phrases and the spans around them).
    /// </summary>
    public static List<(string Stem, int At)> ContentStemSequence(string text)
    {
        var sequence = new List<(string, int)>();
        var word = new StringBuilder();
        int i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            int start = i;
            word.Clear();
            while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '\'' or '’'))
            {
                if (char.IsLetterOrDigit(text[i]))
                {
                    word.Append(char.ToLowerInvariant(text[i]));
                }

                i++;
            }

            string w = word.ToString();
            if (w.Length > 1 && !StopWords.Contains(w))
            {
                sequence.Add((Stem(w), start));
            }
        }

        return sequence;
    }

    /// <summary>Gets a crude stem: enough to match "allergies" with "allergic" and "emails" with "email".</summary>
    public static string Stem(string word)
    {
        if (word.Length <= 4)
        {
            return word;
        }

        foreach (string suffix in StemSuffixes)
        {
            if (word.EndsWith(suffix, StringComparison.Ordinal) && word.Length - suffix.Length >= 4)
            {
                return word[..^suffix.Length];
            }
        }

        return word;
    }

    /// <summary>
    /// Gets a value indicating whether two stems name the same word up to a short ending: "silicones" and "silicone",
    /// "largest" and "large", "cats" and "cat".
    /// </summary>
    public static bool IsLike(string a, string b)
    {
        if (string.Equals(a, b, StringComparison.Ordinal))
        {
            return true;
        }

        (string shorter, string longer) = a.Length <= b.Length ? (a, b) : (b, a);
        if (!longer.StartsWith(shorter, StringComparison.Ordinal))
        {
            return false;
        }

        // A plural of a short word ("cats"); otherwise both long enough that the shared start is a word, not a syllable.
        return longer.Length == shorter.Length + 1 ? longer[^1] == 's' || shorter.Length >= 4 : shorter.Length >= 4 && longer.Length - shorter.Length <= 2;
    }

    /// <summary>Gets a value indicating whether the set holds the stem or one like it (see <see cref="IsLike"/>).</summary>
    public static bool ContainsLike(HashSet<string> stems, string stem)
    {
        if (stems.Contains(stem))
        {
            return true;
        }

        foreach (string other in stems)
        {
            if (IsLike(other, stem))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Gets the fraction of <paramref name="of"/> that also appears in <paramref name="within"/>.</summary>
    public static double Coverage(HashSet<string> of, HashSet<string> within) => Coverage(of, within.Contains);

    /// <summary>Gets the fraction of <paramref name="of"/> that <paramref name="found"/> accepts.</summary>
    public static double Coverage(HashSet<string> of, Func<string, bool> found)
    {
        if (of.Count == 0)
        {
            return 0;
        }

        int count = 0;
        foreach (string stem in of)
        {
            if (found(stem))
            {
                count++;
            }
        }

        return (double)count / of.Count;
    }

    /// <summary>Splits text into sentences at terminal punctuation and line breaks.</summary>
    public static List<string> Sentences(string text)
    {
        var sentences = new List<string>();
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            bool end = c is '\n' || ((c is '.' or '!' or '?' or ';') && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1])));
            if (end)
            {
                Add(text.AsSpan(start, i - start + 1));
                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            Add(text.AsSpan(start));
        }

        return sentences;

        void Add(ReadOnlySpan<char> span)
        {
            span = span.Trim();
            if (span.Length > 1)
            {
                sentences.Add(span.ToString());
            }
        }
    }
}
