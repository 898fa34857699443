using System.Text;
using System.Text.RegularExpressions;
using Penchant.Domain;
using Penchant.Language;

namespace Penchant.Learning.Statements;

/// <summary>
/// Reads a preference revealed by a choice: the assistant listed options ("1. …", "- …") and the user's next turn picks one
/// ("I'll go with option 2", "Let's go with the cozy mountain resort. The others are too lively for me"). The preference is
/// the chosen option, what it was chosen over, and the user's reason.
/// </summary>
internal static partial class ChoiceAnalyzer
{
    private const int MaxOptionLength = 240;
    private const int MaxRejectedLength = 90;

    /// <summary>Finds the option a user's turn chooses among those the assistant listed, or <see langword="null"/>.</summary>
    public static ExtractedPreference? Analyze(string assistant, string user)
    {
        List<string> options = Options(assistant);
        if (options.Count < 2 || user.Length > 1_200)
        {
            return null;
        }

        string lower = user.ToLowerInvariant();
        if (!Chooses(user))
        {
            return null;
        }

        int chosen = -1;
        Match number = OptionNumber().Match(lower);
        if (number.Success && int.TryParse(number.Groups["n"].ValueSpan, out int n) && n >= 1 && n <= options.Count)
        {
            chosen = n - 1;
        }
        else
        {
            List<string> sentences = TextTools.Sentences(user);
            HashSet<string> said = TextTools.ContentStems(sentences.Count > 0 ? sentences[0] : user);
            double best = 0;
            for (int i = 0; i < options.Count; i++)
            {
                HashSet<string> stems = TextTools.ContentStems(options[i]);
                int shared = 0;
                foreach (string stem in stems)
                {
                    shared += said.Contains(stem) ? 1 : 0;
                }

                double score = stems.Count == 0 ? 0 : shared + ((double)shared / stems.Count);
                if (shared >= 1 && score > best)
                {
                    best = score;
                    chosen = i;
                }
            }
        }

        if (chosen < 0)
        {
            return null;
        }

        var text = new StringBuilder("Prefers: ").Append(Shorten(options[chosen], MaxOptionLength).TrimEnd('.'));
        text.Append(" (chosen over: ");
        bool first = true;
        for (int i = 0; i < options.Count; i++)
        {
            if (i != chosen)
            {
                text.Append(first ? string.Empty : "; ").Append(Shorten(options[i], MaxRejectedLength).TrimEnd('.'));
                first = false;
            }
        }

        text.Append(").");
        List<string> reasons = TextTools.Sentences(user);
        for (int i = 1; i < reasons.Count; i++)
        {
            text.Append(' ').Append(reasons[i].Trim());
        }

        return StatementAnalyzer.Analyze(text.ToString(), scope: null, confidence: 0.8) with
        {
            Kind = PreferenceKind.Preference,
            Polarity = Polarity.Positive,
            Scope = PreferenceScope.Everywhere,
            ChainsTo = null,
            SignalsRevision = false,
        };
    }

    /// <summary>
    /// Whether a sentence of the turn that is not a question picks something: "what is the best treatment for …?" asks about
    /// the options, it does not choose one.
    /// </summary>
    internal static bool Chooses(string user)
    {
        foreach (string sentence in TextTools.Sentences(user))
        {
            string lower = sentence.Trim().ToLowerInvariant();
            if (lower.Length > 0 && !lower.EndsWith('?') && !FunctionWords.QuestionStart().IsMatch(lower) && ChoosePattern().IsMatch(lower))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Lists the options of an assistant turn: numbered or bulleted lines.</summary>
    internal static List<string> Options(string assistant)
    {
        var options = new List<string>();
        foreach (string line in assistant.Split('\n'))
        {
            Match match = OptionLine().Match(line);
            if (match.Success)
            {
                string option = match.Groups["text"].Value.Trim().Replace("**", string.Empty, StringComparison.Ordinal);
                if (option.Length >= 3)
                {
                    options.Add(option);
                }
            }
        }

        return options;
    }

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..length].TrimEnd() + "…";

    [GeneratedRegex(@"^\s*(?:\d{1,2}[.)]|[-*•])\s+(?<text>\S.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex OptionLine();

    [GeneratedRegex(@"\boption\s*(?:#|number\s*)?(?<n>\d{1,2})\b|\b(?:the\s+)?(?<n>\d)(?:st|nd|rd|th)\s+(?:one|option)\b", RegexOptions.CultureInvariant)]
    private static partial Regex OptionNumber();

    [GeneratedRegex(@"\b(i'?ll (go|take|try|pick|choose|opt|do|stick|book|get|watch|play|read)|i will (go|take|try|pick|choose)|i'?d (go|pick|choose|take|rather|prefer|like to (go|try))|i think i'?ll|let'?s (go|do|try|pick)|i'?m going (to|with)|going with|i (choose|pick|prefer)|(option|number) #?\d|(sounds?|seems?|looks?) (like )?(a )?(great|good|best|perfect|ideal|right|interesting|nice|lovely|appealing|like the best)|is the (best|most|right|one)|(best|ideal|perfect|right) (choice|option|fit) for me|works? (best )?for me|appeals? to me|the other (options|ones|choices)\b)", RegexOptions.CultureInvariant)]
    private static partial Regex ChoosePattern();
}
