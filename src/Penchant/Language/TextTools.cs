using System.Collections.Frozen;

namespace Penchant.Language;

/// <summary>
/// Tokenizing, sentences and stop words for the lexical features, and matching stems up to a short ending; English only
/// for now. The stems are <see cref="Stemmer.Stem"/>'s.
/// </summary>
internal static class TextTools
{
    private static readonly FrozenSet<string> StopWords = FrozenSet.Create(
        StringComparer.Ordinal,
        [
            "a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "at", "for", "with", "about", "from", "by", "as",
            "i", "me", "my", "mine", "myself", "we", "our", "you", "your", "it", "its", "this", "that", "these", "those", "they", "them",
            "is", "am", "are", "was", "were", "be", "been", "being", "do", "does", "did", "have", "has", "had", "will", "would", "can",
            "could", "should", "may", "might", "must", "shall", "im", "ive", "id", "dont", "doesnt", "not", "no", "so", "than", "too",
            "very", "just", "also", "please", "some", "any", "all", "what", "which", "who", "how", "when", "where", "why", "there",
            "here", "up", "out", "into", "over", "more", "most", "much", "many", "really", "like", "prefer", "want", "need", "get",
            "make", "help", "give", "let", "know", "think", "good", "great", "best", "new", "one", "s", "t", "m", "re", "ll", "d", "ve",
            "always", "never", "something", "things", "thing", "way", "ways", "recommend", "suggest", "suggestions", "ideas", "tips",
        ]);

    // Looks words up as spans of a buffer, so that a stop word costs no string.
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> StopWordSpans = StopWords.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Splits text into lower-case word tokens (letters and digits; apostrophes dropped).</summary>
    public static List<string> Words(string text)
    {
        var words = new List<string>();
        var reader = new WordReader(text, stackalloc char[WordReader.BufferSize]);
        while (reader.MoveNext())
        {
            words.Add(new string(reader.Current));
        }

        return words;
    }

    /// <summary>Gets a value indicating whether a lower-case word is a stop word (no content of its own).</summary>
    public static bool IsStopWord(string word) => StopWords.Contains(word);

    /// <summary>Gets the stems of the content words of a text (stop words removed).</summary>
    public static HashSet<string> ContentStems(string text)
    {
        var stems = new HashSet<string>(StringComparer.Ordinal);
        HashSet<string>.AlternateLookup<ReadOnlySpan<char>> spans = stems.GetAlternateLookup<ReadOnlySpan<char>>();
        var reader = new WordReader(text, stackalloc char[WordReader.BufferSize]);
        while (reader.MoveNext())
        {
            ReadOnlySpan<char> word = reader.Current;
            if (word.Length > 1 && !StopWordSpans.Contains(word))
            {
                spans.Add(word[..Stemmer.StemLength(word)]);
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
        var reader = new WordReader(text, stackalloc char[WordReader.BufferSize]);
        while (reader.MoveNext())
        {
            ReadOnlySpan<char> word = reader.Current;
            if (word.Length > 1 && !StopWordSpans.Contains(word))
            {
                sequence.Add((new string(word[..Stemmer.StemLength(word)]), reader.Start));
            }
        }

        return sequence;
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

    /// <summary>Replaces typographic apostrophes ("don’t", "I‘m") with plain ones, so that closed-class patterns written with "'" match.</summary>
    public static string PlainApostrophes(string text) =>
        text.Contains('’', StringComparison.Ordinal) || text.Contains('‘', StringComparison.Ordinal) ? text.Replace('’', '\'').Replace('‘', '\'') : text;

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

    /// <summary>
    /// Reads the words of a text one at a time into a buffer, lower-cased: a word is a run of letters and digits, apostrophes
    /// within it dropped ("don't" is "dont"). One tokenizer for <see cref="Words"/>, <see cref="ContentStems"/> and
    /// <see cref="ContentStemSequence"/>, which ranking runs on every candidate: reading into a buffer allocates only the
    /// strings kept (a StringBuilder per text and a string per word, stop words included, cost 10% of ranking 20 candidates).
    /// </summary>
    private ref struct WordReader
    {
        /// <summary>The size of the buffer callers give; a longer word moves to a larger one.</summary>
        public const int BufferSize = 64;

        private readonly ReadOnlySpan<char> _text;
        private Span<char> _buffer;
        private int _next;
        private int _length;

        public WordReader(ReadOnlySpan<char> text, Span<char> buffer)
        {
            _text = text;
            _buffer = buffer;
        }

        /// <summary>Gets the word read last, lower-cased, without apostrophes; valid until the next <see cref="MoveNext"/>.</summary>
        public readonly ReadOnlySpan<char> Current => _buffer[.._length];

        /// <summary>Gets the index of the character the word read last starts at.</summary>
        public int Start { get; private set; }

        /// <summary>Reads the next word.</summary>
        /// <returns>Whether there was one.</returns>
        public bool MoveNext()
        {
            int i = _next;
            while (i < _text.Length && !char.IsLetterOrDigit(_text[i]))
            {
                i++;
            }

            if (i == _text.Length)
            {
                _next = i;
                return false;
            }

            Start = i;
            _length = 0;
            for (; i < _text.Length; i++)
            {
                char c = _text[i];
                if (char.IsLetterOrDigit(c))
                {
                    if (_length == _buffer.Length)
                    {
                        char[] larger = new char[_buffer.Length * 2];
                        _buffer.CopyTo(larger);
                        _buffer = larger;
                    }

                    _buffer[_length++] = char.ToLowerInvariant(c);
                }
                else if (c is not ('\'' or '’'))
                {
                    break;
                }
            }

            _next = i;
            return true;
        }
    }

    /// <summary>Gets a value indicating whether a line is an item of a list: a bullet ("- ", "* ", "• ") or a number of one or two digits and "." or ")" before a space.</summary>
    /// <param name="line">The line, trimmed.</param>
    /// <returns><see langword="true"/> for a list item.</returns>
    public static bool IsListItem(ReadOnlySpan<char> line)
    {
        if (line.Length < 2)
        {
            return false;
        }

        if (line[0] is '-' or '*' or '•' && line[1] == ' ')
        {
            return true;
        }

        int i = 0;
        while (i < line.Length && char.IsDigit(line[i]))
        {
            i++;
        }

        return i > 0 && i < 3 && i + 1 < line.Length && line[i] is '.' or ')' && line[i + 1] == ' ';
    }
}
