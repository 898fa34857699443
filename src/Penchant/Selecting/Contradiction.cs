using System.Text.RegularExpressions;
using Penchant.Language;

namespace Penchant.Selecting;

/// <summary>
/// Finds what a text says that another text could contradict: values that exclude each other in one slot (Python or Java,
/// aisle or window, formal or casual), quantities of the same unit (4 spaces or 2 spaces) and words it negates ("he isn't
/// vegan", "no code needed"). A request that asks for another value than a preference names explicitly sets that
/// preference aside for this request.
/// </summary>
/// <remarks>Thread-safe; English only, like <see cref="TextTools"/>.</remarks>
internal static partial class Contradiction
{
    // Everyday slots whose values exclude each other; "a|b" are words for the same value. Words common in other senses
    // ("go", "long", "night", "budget") are left out.
    private static readonly string[][] Slots =
    [
        ["python", "java", "javascript|js", "typescript|ts", "c#|csharp", "f#", "c++|cpp", "golang", "rust", "kotlin", "swift", "ruby", "php", "scala", "haskell", "perl", "bash", "powershell"],
        ["aisle", "window seat", "middle seat"],
        ["formal|professional", "casual|informal|loose|relaxed|laid-back|playful|chatty"],
        ["bullet points|bullets|bullet", "paragraphs|prose"],
        ["metric|celsius|km|kilometres|kilometers", "imperial|fahrenheit|miles"],
        ["morning|mornings", "afternoon|afternoons", "evening|evenings"],
        ["dark mode|dark theme", "light mode|light theme"],
        ["cheapest|cheap|inexpensive|low-cost", "pricier|pricey|expensive|luxury|luxurious|splurge|premium"],
        ["tabs", "spaces"],
        ["english", "spanish", "french", "german", "italian", "portuguese", "dutch", "japanese", "chinese|mandarin", "korean", "arabic", "russian", "polish", "turkish", "greek"],
    ];

    private static readonly string[][][] SlotWords = [.. Slots.Select(static slot => slot.Select(static value => value.Split('|')).ToArray())];

    /// <summary>Finds the slot values a lower-case text names, as (slot, value) pairs.</summary>
    public static (int Slot, int Value)[] Values(string lower)
    {
        List<(int, int)>? found = null;
        for (int slot = 0; slot < SlotWords.Length; slot++)
        {
            for (int value = 0; value < SlotWords[slot].Length; value++)
            {
                foreach (string word in SlotWords[slot][value])
                {
                    if (ContainsWord(lower, word))
                    {
                        (found ??= []).Add((slot, value));
                        break;
                    }
                }
            }
        }

        return found is null ? [] : [.. found];
    }

    /// <summary>Finds the quantities a lower-case text names with a unit ("4 spaces", "30-minute", "50 dollars"), as (number, unit) pairs.</summary>
    public static (string Number, string Unit)[] Quantities(string lower)
    {
        List<(string, string)>? found = null;
        foreach (Match match in QuantityPattern().Matches(lower))
        {
            string unit = match.Groups["unit"].Value;
            // Clock times ("before 10am") are bounds, not values: another time may well satisfy them.
            if (unit is "am" or "pm" || TextTools.ContentStems(unit).Count == 0)
            {
                continue;
            }

            (found ??= []).Add((match.Groups["number"].Value, unit.EndsWith('s') ? unit[..^1] : unit));
        }

        return found is null ? [] : [.. found];
    }

    /// <summary>Finds the stems of the words a text negates ("isn't vegan", "no code", "without onions").</summary>
    public static HashSet<string> Negated(string lower)
    {
        var stems = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match match in Negation.NegatedWord().Matches(lower))
        {
            stems.UnionWith(TextTools.ContentStems(match.Groups["word"].Value));
        }

        return stems;
    }

    /// <summary>
    /// Whether a request contradicts a preference: it names another value of a slot the preference names (and not the
    /// preference's own), another quantity of the same unit, or negates a word of a preference that is not itself a negation.
    /// </summary>
    public static bool Contradicts(RequestView request, PreparedPreference preference)
    {
        foreach ((int slot, int value) in request.SlotValues)
        {
            if (Names(preference.SlotValues, slot) && !Contains(preference.SlotValues, slot, value) && !SharesValue(request.SlotValues, preference.SlotValues, slot))
            {
                return true;
            }
        }

        foreach ((string number, string unit) in request.Quantities)
        {
            bool sameUnit = false;
            bool sameNumber = false;
            foreach ((string n, string u) in preference.Quantities)
            {
                if (u == unit)
                {
                    sameUnit = true;
                    sameNumber |= n == number;
                }
            }

            if (sameUnit && !sameNumber)
            {
                return true;
            }
        }

        if (preference.Preference.Polarity != Domain.Polarity.Negative)
        {
            foreach (string stem in request.Negated)
            {
                if (preference.Stems.Contains(stem))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool Names((int Slot, int Value)[] values, int slot)
    {
        foreach ((int s, _) in values)
        {
            if (s == slot)
            {
                return true;
            }
        }

        return false;
    }

    private static bool Contains((int Slot, int Value)[] values, int slot, int value)
    {
        foreach ((int s, int v) in values)
        {
            if (s == slot && v == value)
            {
                return true;
            }
        }

        return false;
    }

    private static bool SharesValue((int Slot, int Value)[] request, (int Slot, int Value)[] preference, int slot)
    {
        foreach ((int s, int v) in preference)
        {
            if (s == slot && Contains(request, s, v))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ContainsWord(string lower, string word)
    {
        int from = 0;
        while (true)
        {
            int at = lower.IndexOf(word, from, StringComparison.Ordinal);
            if (at < 0)
            {
                return false;
            }

            int end = at + word.Length;
            if ((at == 0 || !char.IsLetterOrDigit(lower[at - 1])) && (end == lower.Length || !char.IsLetterOrDigit(lower[end]) || word[^1] is '#' or '+'))
            {
                return true;
            }

            from = at + 1;
        }
    }

    [GeneratedRegex(@"\b(?<number>\d+)\s*-?\s*(?<unit>[a-z]{2,})\b", RegexOptions.CultureInvariant)]
    private static partial Regex QuantityPattern();
}
