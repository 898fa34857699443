using System.Globalization;
using Penchant.Language;

namespace Penchant.Ranking;

/// <summary>
/// Measurable surface factors of a response: length, lists, headings, emoji, questions, code, formality, hedging and a few
/// more. Each factor is a small, roughly unit-scaled number so that models over them stay well conditioned.
/// </summary>
/// <remarks>Thread-safe; no I/O. English word lists.</remarks>
public static class SurfaceFeatures
{
    /// <summary>The number of factors.</summary>
    public const int Count = 14;

    /// <summary>Gets the readable names of the factors, in order.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "length", "lists", "headings", "emoji", "questions", "code", "formality", "hedging",
        "exclamations", "sentence length", "addresses the reader", "first person", "emphasis", "numbers",
    ];

    // Index constants (used by simulations and principles).
    internal const int Length = 0;
    internal const int Lists = 1;
    internal const int Headings = 2;
    internal const int Emoji = 3;
    internal const int Questions = 4;
    internal const int Code = 5;
    internal const int Formality = 6;
    internal const int Hedging = 7;

    /// <summary>What a listed word counts towards.</summary>
    [Flags]
    private enum WordKind
    {
        None = 0,
        Hedge = 1,
        Casual = 2,
        Formal = 4,
        Reader = 8,
        Writer = 16,
    }

    /// <summary>Measures the factors of a text.</summary>
    /// <param name="text">The response.</param>
    /// <returns>A new array of <see cref="Count"/> values.</returns>
    public static float[] Measure(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var f = new float[Count];
        Measure(text, f);
        return f;
    }

    /// <summary>Measures the factors of a text into a span of <see cref="Count"/> values.</summary>
    /// <param name="text">The response.</param>
    /// <param name="destination">Receives the values.</param>
    public static void Measure(string text, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(text);

        // The buffer is made here, apart from the loops: a method that uses stackalloc is compiled once, optimised but without
        // the profile-guided tier its loops would otherwise get, and that made measuring 20 candidates a third slower.
        Measure(text, stackalloc char[32], destination);
    }

    /// <summary>Measures the factors of a text, lower-casing short words into <paramref name="lower"/>.</summary>
    private static void Measure(string text, Span<char> lower, Span<float> destination)
    {
        int words = 0, hedges = 0, casual = 0, formal = 0, you = 0, me = 0, contractions = 0, numbers = 0;

        // A word is a run of letters, digits and apostrophes, compared lower-cased ("I’m" is a contraction of "i"): ranking
        // measures every candidate, and a StringBuilder and a string per word made this 15% of ranking 20 candidates. Only a
        // word short enough to be listed is lower-cased, into the buffer.
        int at = 0;
        while (at < text.Length)
        {
            if (!IsWordCharacter(text[at]))
            {
                at++;
                continue;
            }

            int start = at;
            bool contraction = false;
            for (; at < text.Length && IsWordCharacter(text[at]); at++)
            {
                contraction |= text[at] is '\'' or '’';
            }

            ReadOnlySpan<char> w = text.AsSpan(start, at - start);
            words++;
            if (contraction)
            {
                contractions++;
                if (OpensWith(w, "i"))
                {
                    me++;
                }
                else if (OpensWith(w, "you"))
                {
                    you++;
                }

                continue;
            }

            if (char.IsDigit(w[0]))
            {
                numbers++;
            }

            WordKind kind = w.Length <= lower.Length ? KindOf(lower[..w.ToLowerInvariant(lower)]) : WordKind.None;
            if ((kind & WordKind.Hedge) != 0)
            {
                hedges++;
            }

            if ((kind & WordKind.Casual) != 0)
            {
                casual++;
            }

            if ((kind & WordKind.Formal) != 0 || w.Length >= 11)
            {
                formal++;
            }

            if ((kind & WordKind.Reader) != 0)
            {
                you++;
            }
            else if ((kind & WordKind.Writer) != 0)
            {
                me++;
            }
        }

        int lines = 0, listLines = 0, headingLines = 0, sentences = 0, questions = 0, exclamations = 0, emoji = 0, emphasis = 0, codeMarks = 0;
        foreach (Range range in text.AsSpan().Split('\n'))
        {
            ReadOnlySpan<char> rawLine = text.AsSpan()[range];
            ReadOnlySpan<char> line = rawLine.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            lines++;
            if (TextTools.IsListItem(line))
            {
                listLines++;
            }
            else if (line.StartsWith('#') || (line.Length < 60 && line.EndsWith(':') && !line.Contains('.')))
            {
                headingLines++;
            }

            if (line.StartsWith("```", StringComparison.Ordinal) || rawLine.StartsWith("    ", StringComparison.Ordinal))
            {
                codeMarks += 2;
            }
        }

        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            switch (c)
            {
                case '?':
                    questions++;
                    sentences++;
                    break;
                case '!':
                    exclamations++;
                    sentences++;
                    break;
                case '.' when i + 1 == text.Length || char.IsWhiteSpace(text[i + 1]):
                    sentences++;
                    break;
                case '*' or '_' when i + 1 < text.Length && text[i + 1] == c:
                    emphasis++;
                    i++;
                    break;
                case '`' or '{' or '}' or ';' or '=':
                    codeMarks++;
                    break;
            }

            if (char.IsSurrogate(c) || (c >= '\u2600' && c <= '\u27BF'))
            {
                emoji++;
                if (char.IsHighSurrogate(c))
                {
                    i++;
                }
            }
        }

        sentences = Math.Max(1, sentences);
        float perWord = 1f / Math.Max(1, words);
        destination[Length] = (float)(Math.Log(1 + words) / 3.0);
        destination[Lists] = lines == 0 ? 0 : Math.Min(1f, 2f * listLines / lines);
        destination[Headings] = Math.Min(1f, headingLines / 3f);
        destination[Emoji] = (float)Math.Log(1 + emoji);
        destination[Questions] = (float)Math.Log(1 + questions);
        destination[Code] = (float)Math.Log(1 + codeMarks) / 2f;
        destination[Formality] = Math.Clamp(10f * (formal - casual - contractions) * perWord, -2f, 2f);
        destination[Hedging] = Math.Min(2f, 20f * hedges * perWord);
        destination[8] = (float)Math.Log(1 + exclamations);
        destination[9] = (float)(Math.Log(1 + ((double)words / sentences)) / 3.0);
        destination[10] = Math.Min(2f, 10f * you * perWord);
        destination[11] = Math.Min(2f, 10f * me * perWord);
        destination[12] = (float)Math.Log(1 + emphasis);
        destination[13] = Math.Min(2f, 10f * numbers * perWord);
    }

    /// <summary>Describes a factor's value for explanations ("length 1.23").</summary>
    /// <param name="index">The factor.</param>
    /// <param name="value">Its value.</param>
    /// <returns>The description.</returns>
    internal static string Describe(int index, float value) => string.Create(CultureInfo.InvariantCulture, $"{Names[index]} {value:0.00}");

    /// <summary>Whether a character belongs to a word: a letter, a digit or an apostrophe.</summary>
    private static bool IsWordCharacter(char c) => char.IsLetterOrDigit(c) || c is '\'' or '’';

    /// <summary>Whether a word opens with a lower-case word and an apostrophe, compared lower-cased ("I’m", "You're").</summary>
    private static bool OpensWith(ReadOnlySpan<char> word, string opening) =>
        word.Length > opening.Length && word[opening.Length] is '\'' or '’' && word[..opening.Length].Equals(opening, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// What a lower-cased word counts towards: hedging, casual or formal register, addressing the reader, or the writer.
    /// </summary>
    /// <remarks>A switch over the span (the compiler dispatches on length and characters) rather than sets of strings, whose
    /// lookups of a span cost an interface call and a hash per word, three per word of every candidate ranked.</remarks>
    private static WordKind KindOf(ReadOnlySpan<char> word) => word switch
    {
        "maybe" or "perhaps" or "possibly" or "might" or "probably" or "likely" or "seems" or "seem" or "guess" or "somewhat"
            or "arguably" or "could" or "unsure" or "generally" or "typically" or "usually" or "sometimes" or "roughly" => WordKind.Hedge,
        "hey" or "hi" or "yeah" or "yep" or "nope" or "cool" or "awesome" or "gonna" or "wanna" or "kinda" or "sorta" or "lol" or "ok"
            or "okay" or "stuff" or "super" or "totally" or "pretty" or "guys" or "folks" or "btw" or "omg" or "haha" or "great"
            or "fun" or "dude" or "grab" or "chill" => WordKind.Casual,
        "therefore" or "however" or "furthermore" or "moreover" or "consequently" or "regarding" or "accordingly" or "additionally"
            or "nevertheless" or "sincerely" or "dear" or "respectfully" or "kindly" or "hereby" or "thus" or "hence" or "whereas"
            or "shall" or "please" or "appropriate" or "ensure" or "require" or "recommend" or "consider" or "significant"
            or "individuals" => WordKind.Formal,
        "approximately" => WordKind.Hedge | WordKind.Formal,
        "you" or "your" or "yours" or "yourself" => WordKind.Reader,
        "i" or "me" or "my" or "mine" or "myself" => WordKind.Writer,
        _ => WordKind.None,
    };
}
