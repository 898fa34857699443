namespace Penchant.Language;

/// <summary>
/// A text's content stems in order (<see cref="TextTools.ContentStemSequence"/>), prepared for finding words and phrases in
/// it up to a short ending (<see cref="TextTools.IsLike"/>).
/// </summary>
/// <remarks>
/// Two stems of two or more characters that are alike share their first two (the shorter starts the longer), so each
/// position keeps its stem's first two characters as one number, and a search compares those numbers, many at a time, before
/// it compares any string (content stems have two or more; a shorter one is compared the plain way). Ranking looks for every phrase of each concept a clause names
/// in every candidate; comparing strings at each position was 16% of ranking 20 candidates.
/// </remarks>
internal sealed class StemSequence
{
    private readonly int[] _heads;

    // Whether a stem is shorter than two characters, so that the first two do not say which stems may be alike.
    private readonly bool _short;

    /// <summary>Initializes a new instance of the <see cref="StemSequence"/> class with the content stems of a text.</summary>
    /// <param name="text">The text.</param>
    public StemSequence(string text)
        : this(TextTools.ContentStemSequence(text))
    {
    }

    /// <summary>Initializes a new instance of the <see cref="StemSequence"/> class.</summary>
    /// <param name="words">The content stems in order, each with where its word starts.</param>
    public StemSequence(List<(string Stem, int At)> words)
    {
        Words = words;
        _heads = new int[words.Count];
        for (int k = 0; k < _heads.Length; k++)
        {
            _heads[k] = Head(words[k].Stem);
            _short |= words[k].Stem.Length < 2;
        }
    }

    /// <summary>Gets the content stems in order, each with where its word starts.</summary>
    public List<(string Stem, int At)> Words { get; }

    /// <summary>Gets the number of stems.</summary>
    public int Count => _heads.Length;

    /// <summary>Gets the stem at a position.</summary>
    /// <param name="position">The position.</param>
    public string this[int position] => Words[position].Stem;

    /// <summary>Finds the first position at or after <paramref name="from"/> whose stem is like <paramref name="stem"/>.</summary>
    /// <param name="stem">A content stem.</param>
    /// <param name="from">Where to start.</param>
    /// <returns>The position, or -1.</returns>
    public int IndexOfLike(string stem, int from) => IndexOfLike(stem, from, _heads.Length);

    /// <summary>Gets a value indicating whether some stem is like <paramref name="stem"/>.</summary>
    /// <param name="stem">A content stem.</param>
    public bool ContainsLike(string stem) => IndexOfLike(stem, 0) >= 0;

    /// <summary>
    /// Adds where the phrases occur, each occurrence as the positions of its first and last word: phrase by phrase, each
    /// phrase's occurrences in order.
    /// </summary>
    /// <param name="phrases">The phrases, each as its content stems in order.</param>
    /// <param name="found">Receives the occurrences.</param>
    public void FindPhrases(string[][] phrases, List<(int First, int Last)> found)
    {
        foreach (string[] phrase in phrases)
        {
            // The last position a phrase can start at, plus one.
            int end = _heads.Length - phrase.Length + 1;
            for (int start = IndexOfLike(phrase[0], 0, end); start >= 0; start = IndexOfLike(phrase[0], start + 1, end))
            {
                int k = 1;
                while (k < phrase.Length && TextTools.IsLike(Words[start + k].Stem, phrase[k]))
                {
                    k++;
                }

                if (k == phrase.Length)
                {
                    found.Add((start, start + phrase.Length - 1));
                }
            }
        }
    }

    /// <summary>Gets a value indicating whether one of the phrases occurs.</summary>
    /// <param name="phrases">The phrases, each as its content stems in order.</param>
    public bool ContainsAny(string[][] phrases)
    {
        var found = new List<(int, int)>();
        FindPhrases(phrases, found);
        return found.Count > 0;
    }

    /// <summary>The first two characters of a stem as one number (-1 for a shorter stem).</summary>
    private static int Head(string stem) => stem.Length >= 2 ? stem[0] | (stem[1] << 16) : -1;

    /// <summary>Finds the first position in [<paramref name="from"/>, <paramref name="end"/>) whose stem is like <paramref name="stem"/>.</summary>
    private int IndexOfLike(string stem, int from, int end)
    {
        if (_short || stem.Length < 2)
        {
            for (; from < end; from++)
            {
                if (TextTools.IsLike(Words[from].Stem, stem))
                {
                    return from;
                }
            }

            return -1;
        }

        int head = Head(stem);
        while (from < end)
        {
            int next = _heads.AsSpan(from, end - from).IndexOf(head);
            if (next < 0)
            {
                return -1;
            }

            from += next;
            if (TextTools.IsLike(Words[from].Stem, stem))
            {
                return from;
            }

            from++;
        }

        return -1;
    }
}
