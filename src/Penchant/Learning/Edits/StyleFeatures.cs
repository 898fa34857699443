using System.Globalization;
using Penchant.Domain;
using Penchant.Language;
using Penchant.Ranking;

namespace Penchant.Learning.Edits;

/// <summary>
/// Measures the <see cref="StyleFeature"/>s of a text in units a person can read (words, a share of lines, a count), decides
/// whether an edit changed one, and words a preferred level as a sentence ("Prefers bullet points").
/// </summary>
/// <remarks>Thread-safe; no I/O. English cues (<see cref="StyleCues"/>, and <see cref="SurfaceFeatures"/> for register).</remarks>
public static class StyleFeatures
{
    /// <summary>The number of features.</summary>
    public const int Count = 12;

    // The smallest change an edit must make to a feature to count as a change of it: a ratio (in natural log) for the
    // lengths, a share of lines for lists, a unit of the surface formality score, a share of sentences for "you", else one item.
    private static readonly float[] ChangeThreshold = [0.25f, 0.25f, 0.3f, 1f, 1f, 1f, 1f, 0.4f, 0.2f, 1f, 1f, 1f];

    /// <summary>Gets the readable names of the features, in <see cref="StyleFeature"/> order.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "length", "sentence length", "bullet points", "headings", "emoji", "greeting", "closing", "formality", "second person",
        "questions", "exclamations", "code blocks",
    ];

    /// <summary>Gets a value indicating whether a feature is compared as a ratio (lengths) rather than a difference.</summary>
    /// <param name="feature">The feature.</param>
    /// <returns><see langword="true"/> for <see cref="StyleFeature.Length"/> and <see cref="StyleFeature.SentenceLength"/>.</returns>
    public static bool IsRatio(StyleFeature feature) => feature is StyleFeature.Length or StyleFeature.SentenceLength;

    /// <summary>Measures a text.</summary>
    /// <param name="text">The text.</param>
    /// <returns>A new array of <see cref="Count"/> levels, in <see cref="StyleFeature"/> order.</returns>
    public static float[] Measure(string text)
    {
        var levels = new float[Count];
        Measure(text, levels);
        return levels;
    }

    /// <summary>Measures a text into <paramref name="destination"/> (<see cref="Count"/> levels).</summary>
    /// <param name="text">The text.</param>
    /// <param name="destination">Receives the levels.</param>
    public static void Measure(string text, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, Count, nameof(destination));
        Span<float> surface = stackalloc float[SurfaceFeatures.Count];
        SurfaceFeatures.Measure(text, surface);

        int words = 0, sentences = 0, questions = 0, exclamations = 0, emoji = 0, addressing = 0;
        bool inWord = false, addressed = false;
        int wordStart = 0;
        for (int i = 0; i <= text.Length; i++)
        {
            char c = i < text.Length ? text[i] : ' ';
            bool wordChar = char.IsLetterOrDigit(c) || c is '\'' or '’';
            if (wordChar && !inWord)
            {
                words++;
                wordStart = i;
            }
            else if (!wordChar && inWord && StyleCues.IsReaderPronoun(text.AsSpan(wordStart, i - wordStart)))
            {
                addressed = true;
            }

            inWord = wordChar;
            bool ends = c switch
            {
                '?' => true,
                '!' => true,
                '.' => i + 1 >= text.Length || char.IsWhiteSpace(text[i + 1]),
                '\n' => true,
                _ => false,
            };
            if (c == '?')
            {
                questions++;
            }
            else if (c == '!')
            {
                exclamations++;
            }

            if (ends && c != '\n')
            {
                sentences++;
            }

            if (ends || i == text.Length)
            {
                addressing += addressed ? 1 : 0;
                addressed = false;
            }

            if (char.IsHighSurrogate(c) || (c >= '\u2600' && c <= '\u27BF'))
            {
                emoji++;
            }
        }

        int lines = 0, listLines = 0, headings = 0, fences = 0;
        bool greeting = false, closing = false;
        ReadOnlySpan<char> last = default;
        foreach (Range range in text.AsSpan().Split('\n'))
        {
            ReadOnlySpan<char> line = text.AsSpan()[range].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (lines == 0)
            {
                greeting = StyleCues.IsGreeting(line);
            }

            lines++;
            last = line;
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                fences++;
            }
            else if (TextTools.IsListItem(line))
            {
                listLines++;
            }
            else if (line.StartsWith('#') || (line.Length < 60 && line.EndsWith(':') && !line.Contains('.') && !StyleCues.IsGreeting(line)))
            {
                headings++;
            }
        }

        // A closing is a short last line (or the line before a signature) that is a closing formula, in a text of two lines or more.
        closing = lines >= 2 && StyleCues.IsClosing(last);
        if (!closing && lines >= 3)
        {
            closing = SecondLastIsClosing(text);
        }

        destination[(int)StyleFeature.Length] = words;
        destination[(int)StyleFeature.SentenceLength] = words == 0 ? 0 : (float)words / Math.Max(1, sentences);
        destination[(int)StyleFeature.Bullets] = lines == 0 ? 0 : (float)listLines / lines;
        destination[(int)StyleFeature.Headings] = headings;
        destination[(int)StyleFeature.Emoji] = emoji;
        destination[(int)StyleFeature.Greeting] = greeting ? 1 : 0;
        destination[(int)StyleFeature.Closing] = closing ? 1 : 0;
        destination[(int)StyleFeature.Formality] = surface[SurfaceFeatures.Formality];
        destination[(int)StyleFeature.SecondPerson] = Math.Min(1f, (float)addressing / Math.Max(1, sentences));
        destination[(int)StyleFeature.Questions] = questions;
        destination[(int)StyleFeature.Exclamations] = exclamations;
        destination[(int)StyleFeature.CodeBlocks] = fences / 2;
    }

    /// <summary>The change an edit made to a feature: the log ratio for lengths, else the difference.</summary>
    /// <param name="feature">The feature.</param>
    /// <param name="before">The level in the output.</param>
    /// <param name="after">The level in the edit.</param>
    /// <returns>The change (positive: the edit has more).</returns>
    public static float Change(StyleFeature feature, float before, float after)
        => IsRatio(feature) ? (float)Math.Log((after + 1.0) / (before + 1.0)) : after - before;

    /// <summary>Gets a value indicating whether a change is large enough to count as the user changing the feature.</summary>
    /// <param name="feature">The feature.</param>
    /// <param name="change">The change (<see cref="Change"/>).</param>
    /// <returns><see langword="true"/> when the edit changed the feature.</returns>
    public static bool IsChange(StyleFeature feature, float change) => Math.Abs(change) >= ChangeThreshold[(int)feature] - 1e-6f;

    /// <summary>Gets a value indicating whether a level is close enough to a preferred one that the user would leave it alone.</summary>
    /// <param name="feature">The feature.</param>
    /// <param name="level">The level.</param>
    /// <param name="preferred">The preferred level.</param>
    /// <returns><see langword="true"/> when the level agrees with the preference.</returns>
    public static bool Agrees(StyleFeature feature, float level, float preferred) => !IsChange(feature, Change(feature, preferred, level));

    /// <summary>How far a level is from a preferred one, in units of the smallest change that counts, at most 3.</summary>
    /// <param name="feature">The feature.</param>
    /// <param name="level">The level.</param>
    /// <param name="preferred">The preferred level.</param>
    /// <returns>The distance, from 0 to 3.</returns>
    public static float Distance(StyleFeature feature, float level, float preferred)
        => Math.Min(3f, Math.Abs(Change(feature, preferred, level)) / ChangeThreshold[(int)feature]);

    /// <summary>Words a preferred level as a sentence a person can check ("Prefers about 40 words", "Prefers no emoji").</summary>
    /// <param name="feature">The feature.</param>
    /// <param name="level">The preferred level.</param>
    /// <returns>The sentence.</returns>
    public static string Describe(StyleFeature feature, float level)
    {
        bool some = level >= 0.5f;
        return feature switch
        {
            StyleFeature.Length => string.Create(CultureInfo.InvariantCulture, $"Prefers about {Math.Round(level):0} words"),
            StyleFeature.SentenceLength => string.Create(CultureInfo.InvariantCulture, $"Prefers sentences of about {Math.Round(level):0} words"),
            StyleFeature.Bullets => some ? "Prefers bullet points" : "Prefers prose without bullet points",
            StyleFeature.Headings => some ? "Prefers headings" : "Prefers no headings",
            StyleFeature.Emoji => some ? "Prefers emoji" : "Prefers no emoji",
            StyleFeature.Greeting => some ? "Prefers opening with a greeting" : "Prefers no greeting",
            StyleFeature.Closing => some ? "Prefers ending with a closing" : "Prefers no closing",
            StyleFeature.Formality => level >= 0.3f ? "Prefers a formal tone" : level <= -0.3f ? "Prefers a casual tone" : "Prefers a neutral tone",
            StyleFeature.SecondPerson => level >= 0.25f ? "Prefers addressing the reader as \"you\"" : "Prefers not addressing the reader as \"you\"",
            StyleFeature.Questions => some ? "Prefers asking questions" : "Prefers no questions",
            StyleFeature.Exclamations => some ? "Prefers exclamations" : "Prefers no exclamation marks",
            StyleFeature.CodeBlocks => some ? "Prefers code blocks" : "Prefers no code blocks",
            _ => throw new ArgumentOutOfRangeException(nameof(feature)),
        };
    }

    private static bool SecondLastIsClosing(string text)
    {
        ReadOnlySpan<char> body = text.AsSpan().TrimEnd();
        int lastBreak = body.LastIndexOf('\n');
        if (lastBreak < 0)
        {
            return false;
        }

        ReadOnlySpan<char> before = body[..lastBreak].TrimEnd();
        int previous = before.LastIndexOf('\n');
        ReadOnlySpan<char> line = (previous < 0 ? before : before[(previous + 1)..]).Trim();
        return body[(lastBreak + 1)..].Trim().Length <= 30 && StyleCues.IsClosing(line);
    }
}
