using System.Globalization;
using System.Text;

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

    private static readonly HashSet<string> Hedges = new(StringComparer.Ordinal)
    {
        "maybe", "perhaps", "possibly", "might", "probably", "likely", "seems", "seem", "guess", "somewhat", "arguably",
        "could", "unsure", "generally", "typically", "usually", "sometimes", "roughly", "approximately",
    };

    private static readonly HashSet<string> Casual = new(StringComparer.Ordinal)
    {
        "hey", "hi", "yeah", "yep", "nope", "cool", "awesome", "gonna", "wanna", "kinda", "sorta", "lol", "ok", "okay",
        "stuff", "super", "totally", "pretty", "guys", "folks", "btw", "omg", "haha", "great", "fun", "dude", "grab", "chill",
    };

    private static readonly HashSet<string> Formal = new(StringComparer.Ordinal)
    {
        "therefore", "however", "furthermore", "moreover", "consequently", "regarding", "accordingly", "additionally",
        "nevertheless", "sincerely", "dear", "respectfully", "kindly", "hereby", "thus", "hence", "whereas", "shall",
        "please", "appropriate", "ensure", "require", "recommend", "consider", "significant", "approximately", "individuals",
    };

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
        int words = 0, hedges = 0, casual = 0, formal = 0, you = 0, me = 0, contractions = 0, numbers = 0;
        var word = new StringBuilder();
        for (int at = 0; at <= text.Length; at++)
        {
            char c = at < text.Length ? text[at] : ' ';
            if (char.IsLetterOrDigit(c) || c is '\'' or '’')
            {
                word.Append(char.ToLowerInvariant(c));
                continue;
            }

            if (word.Length == 0)
            {
                continue;
            }

            string w = word.ToString();
            word.Clear();
            words++;
            if (w.Contains('\'', StringComparison.Ordinal) || w.Contains('’', StringComparison.Ordinal))
            {
                contractions++;
                w = w.Replace("’", "'", StringComparison.Ordinal);
                if (w.StartsWith("i'", StringComparison.Ordinal))
                {
                    me++;
                }
                else if (w.StartsWith("you'", StringComparison.Ordinal))
                {
                    you++;
                }

                continue;
            }

            if (char.IsDigit(w[0]))
            {
                numbers++;
            }

            if (Hedges.Contains(w))
            {
                hedges++;
            }

            if (Casual.Contains(w))
            {
                casual++;
            }

            if (Formal.Contains(w) || w.Length >= 11)
            {
                formal++;
            }

            if (w is "you" or "your" or "yours" or "yourself")
            {
                you++;
            }
            else if (w is "i" or "me" or "my" or "mine" or "myself")
            {
                me++;
            }
        }

        int lines = 0, listLines = 0, headingLines = 0, sentences = 0, questions = 0, exclamations = 0, emoji = 0, emphasis = 0, codeMarks = 0;
        foreach (string rawLine in text.Split('\n'))
        {
            string line = rawLine.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            lines++;
            if (IsListItem(line))
            {
                listLines++;
            }
            else if (line.StartsWith('#') || (line.Length < 60 && line.EndsWith(':') && !line.Contains('.', StringComparison.Ordinal)))
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

    private static bool IsListItem(string line)
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
