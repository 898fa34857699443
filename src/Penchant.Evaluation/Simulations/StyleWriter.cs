using System.Text;
using System.Text.RegularExpressions;
using Penchant.Language;

namespace Penchant.Evaluation.Simulations;

/// <summary>
/// The simulation's deterministic writer: renders the sentences of a base text under a <see cref="WriterStyle"/> (keeps
/// some sentences, splits long ones, lists them, adds a greeting, a closing, emoji, questions, a register). It stands in
/// for the language model an application would prompt with the learned style; it never sees the hidden preference.
/// </summary>
public static partial class StyleWriter
{
    private static readonly (string Long, string Short)[] Contractions =
    [
        ("it is", "it's"), ("do not", "don't"), ("does not", "doesn't"), ("is not", "isn't"), ("are not", "aren't"), ("can not", "can't"),
        ("cannot", "can't"), ("will not", "won't"), ("I am", "I'm"), ("you are", "you're"), ("that is", "that's"), ("there is", "there's"),
        ("they are", "they're"), ("we are", "we're"), ("would not", "wouldn't"), ("should not", "shouldn't"), ("I will", "I'll"), ("you will", "you'll"),
    ];

    private static readonly string[] FormalConnectives = ["Furthermore, ", "Moreover, ", "Additionally, ", "Consequently, "];

    /// <summary>Splits a base text into the sentences the writer works with.</summary>
    /// <param name="text">The base text.</param>
    /// <returns>The sentences, each ending with terminal punctuation.</returns>
    public static List<string> Sentences(string text)
    {
        var sentences = new List<string>();
        foreach (string s in TextTools.Sentences(text))
        {
            string t = s.Trim().TrimStart('-', '*', '•', ' ');
            if (t.Length < 2)
            {
                continue;
            }

            sentences.Add(t[^1] is '.' or '!' or '?' ? t : t + ".");
        }

        return sentences;
    }

    /// <summary>Renders base sentences under a style.</summary>
    /// <param name="sentences">The base sentences.</param>
    /// <param name="style">The style.</param>
    /// <returns>The text, and the number of words and sentences of its content (before greeting, closing and questions).</returns>
    public static (string Text, int ContentWords, int ContentSentences) Render(IReadOnlyList<string> sentences, WriterStyle style)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentNullException.ThrowIfNull(style);
        var body = new List<string>();
        int words = 0;
        foreach (string s in sentences)
        {
            int n = CountWords(s);
            if (body.Count > 0 && style.Words is { } most && words + n > most)
            {
                break;
            }

            body.Add(s);
            words += n;
        }

        if (style.SentenceWords is { } limit)
        {
            body = [.. body.SelectMany(s => Split(s, Math.Max(3, limit)))];
        }

        for (int i = 0; i < body.Count; i++)
        {
            string s = body[i];
            s = style.Formality switch
            {
                < 0 => Contract(s),
                > 0 => Expand(s),
                _ => s,
            };
            if (style.Formality > 0 && i > 0 && i <= FormalConnectives.Length)
            {
                s = FormalConnectives[i - 1] + LowerFirst(s);
            }
            else if (style.Formality < 0 && i == 0)
            {
                s = "Okay, so " + LowerFirst(s);
            }

            if (style.SecondPerson)
            {
                s = (i == 0 ? "You should know that " : i % 2 == 0 ? "Note that " : string.Empty) + (i == 0 || i % 2 == 0 ? LowerFirst(s) : s);
            }

            if (style.Exclamations && s.EndsWith('.'))
            {
                s = s[..^1] + "!";
            }

            body[i] = s;
        }

        int contentSentences = body.Count;
        if (style.Questions)
        {
            body.Insert(0, "What is this about?");
            body.Insert(body.Count - 1, "Why does it matter?");
        }

        if (style.Emoji)
        {
            body[0] += " ✨";
            body[^1] += " 👍";
        }

        var text = new StringBuilder();
        if (style.Greeting)
        {
            text.Append(style.Formality switch { > 0 => "Dear colleague,", < 0 => "Hey there,", _ => "Hello," }).Append("\n\n");
        }

        text.Append(style.Bullets ? string.Join('\n', body.Select(static s => "- " + s)) : string.Join(' ', body));
        if (style.Closing)
        {
            text.Append("\n\n").Append(style.Formality switch { > 0 => "Kind regards,", < 0 => "Cheers,", _ => "Best," }).Append("\nAlex");
        }

        return (text.ToString(), words, contentSentences);
    }

    /// <summary>Counts the words of a text (runs of letters, digits and apostrophes).</summary>
    /// <param name="text">The text.</param>
    /// <returns>The number of words.</returns>
    public static int CountWords(string text) => WordPattern().Count(text);

    private static IEnumerable<string> Split(string sentence, int limit)
    {
        string[] words = sentence.TrimEnd('.', '!', '?').Split(' ', StringSplitOptions.RemoveEmptyEntries);
        char end = sentence[^1];
        if (words.Length <= limit)
        {
            yield return sentence;
            yield break;
        }

        int chunks = (words.Length + limit - 1) / limit;
        int size = (words.Length + chunks - 1) / chunks;
        for (int start = 0; start < words.Length; start += size)
        {
            string chunk = string.Join(' ', words.Skip(start).Take(size)).TrimEnd(',', ';', ':');
            yield return UpperFirst(chunk) + (start + size >= words.Length ? end : '.');
        }
    }

    private static string Contract(string s)
    {
        foreach ((string longForm, string shortForm) in Contractions)
        {
            s = s.Replace(" " + longForm + " ", " " + shortForm + " ", StringComparison.Ordinal);
            if (s.StartsWith(UpperFirst(longForm) + " ", StringComparison.Ordinal))
            {
                s = UpperFirst(shortForm) + s[longForm.Length..];
            }
        }

        return s;
    }

    private static string Expand(string s)
    {
        foreach ((string longForm, string shortForm) in Contractions)
        {
            s = s.Replace(shortForm, longForm, StringComparison.Ordinal).Replace(UpperFirst(shortForm), UpperFirst(longForm), StringComparison.Ordinal);
        }

        return s;
    }

    private static string LowerFirst(string s) => s.Length > 1 && char.IsUpper(s[0]) && !char.IsUpper(s[1]) && !s.StartsWith("I ", StringComparison.Ordinal) ? char.ToLowerInvariant(s[0]) + s[1..] : s;

    private static string UpperFirst(string s) => s.Length > 0 ? char.ToUpperInvariant(s[0]) + s[1..] : s;

    [GeneratedRegex(@"[\p{L}\p{N}'’]+", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();
}
