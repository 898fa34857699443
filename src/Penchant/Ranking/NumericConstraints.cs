using System.Globalization;
using System.Text.RegularExpressions;
using Penchant.Language;

namespace Penchant.Ranking;

/// <summary>An amount with its unit, in a base unit: minutes for durations, kilometres for distances, the currency for prices, the counted thing otherwise.</summary>
/// <param name="Value">The amount in the base unit.</param>
/// <param name="Unit">The base unit ("minute", "km", "usd", "season", "floor", …).</param>
internal readonly record struct Quantity(double Value, string Unit);

/// <summary>A bound a preference puts on an amount ("no more than 12 rooms", "nothing over an hour", "at least 6 seats").</summary>
/// <param name="Unit">The base unit the bound is in.</param>
/// <param name="Limit">The bound, in the base unit.</param>
/// <param name="IsMaximum">Whether it is an upper bound (otherwise a lower one); bounds are inclusive.</param>
internal sealed record NumericConstraint(string Unit, double Limit, bool IsMaximum)
{
    /// <summary>Whether an amount in the same unit keeps to the bound.</summary>
    public bool Allows(double value) => IsMaximum ? value <= Limit + 1e-9 : value >= Limit - 1e-9;
}

/// <summary>
/// Numeric constraints in preferences and the amounts candidates state: durations ("1h 47m", "95 minutes", "one and a half
/// hours"), prices ("$50", "50 dollars"), distances ("3 miles", "5 km") and counts ("three seasons", "a 24-room hotel",
/// "92-story"). A comparison ("more than", "under", "at least", "no taller than") in a passage the user is against turns
/// around: "I would rather not sit through anything over an hour" is at most an hour.
/// </summary>
internal static partial class NumericConstraints
{
    // Measured units and their factor to the base unit; anything else after a number is a count of that thing.
    private static readonly Dictionary<string, (string Unit, double Factor)> Measures = new(StringComparer.Ordinal)
    {
        ["second"] = ("minute", 1.0 / 60), ["sec"] = ("minute", 1.0 / 60), ["minute"] = ("minute", 1), ["min"] = ("minute", 1),
        ["m"] = ("minute", 1), ["hour"] = ("minute", 60), ["hr"] = ("minute", 60), ["h"] = ("minute", 60), ["day"] = ("minute", 1440),
        ["week"] = ("minute", 10080), ["mile"] = ("km", 1.609344), ["mi"] = ("km", 1.609344), ["km"] = ("km", 1),
        ["kilometer"] = ("km", 1), ["kilometre"] = ("km", 1), ["meter"] = ("km", 0.001), ["metre"] = ("km", 0.001),
        ["feet"] = ("km", 0.0003048), ["foot"] = ("km", 0.0003048), ["ft"] = ("km", 0.0003048), ["dollar"] = ("usd", 1),
        ["buck"] = ("usd", 1), ["usd"] = ("usd", 1), ["euro"] = ("eur", 1), ["eur"] = ("eur", 1), ["pound"] = ("gbp", 1),
        ["gbp"] = ("gbp", 1),
    };

    // Words for the same counted thing.
    private static readonly Dictionary<string, string> CountSynonyms = new(StringComparer.Ordinal)
    {
        ["story"] = "floor", ["storey"] = "floor", ["level"] = "floor", ["seater"] = "seat", ["passenger"] = "seat", ["person"] = "people",
        ["player"] = "people", ["guest"] = "people", ["ep"] = "episode", ["bedroom"] = "room",
    };

    // Words that may follow a number without being what it counts.
    private static readonly HashSet<string> NotUnits = new(StringComparer.Ordinal)
    {
        "and", "or", "to", "of", "in", "on", "at", "for", "with", "the", "a", "an", "than", "long", "old", "ago", "more", "less",
        "times", "star", "percent", "s", "th", "st", "nd", "rd", "am", "pm",
    };

    /// <summary>Reads the bounds a preference puts on amounts.</summary>
    /// <param name="preference">The preference text.</param>
    /// <returns>The bounds, possibly none.</returns>
    public static List<NumericConstraint> Parse(string preference)
    {
        var constraints = new List<NumericConstraint>();
        string lower = preference.ToLowerInvariant();
        foreach (Match m in ComparisonPattern().Matches(lower))
        {
            if (ReadQuantity(m.Groups["amount"].Value, allowArticle: true) is not { } quantity)
            {
                continue;
            }

            bool upper = m.Groups["upper"].Success;
            if (PreferenceClauses.IsAgainst(lower[..m.Index]))
            {
                upper = !upper;
            }

            constraints.Add(new NumericConstraint(quantity.Unit, quantity.Value, upper));
        }

        return constraints;
    }

    /// <summary>Finds the amounts a text states.</summary>
    /// <param name="text">The text, say a candidate.</param>
    /// <returns>The amounts, in order.</returns>
    public static List<Quantity> Quantities(string text)
    {
        var found = new List<Quantity>();
        foreach (Match m in AmountPattern().Matches(text.ToLowerInvariant()))
        {
            if (ReadQuantity(m.Value, allowArticle: false) is { } quantity)
            {
                found.Add(quantity);
            }
        }

        return found;
    }

    /// <summary>
    /// How a candidate keeps to the bounds: +1 for each bound whose unit it states and keeps to, −1 for each it breaks
    /// (an amount that breaks it anywhere counts); 0 when it states no amount in a bounded unit.
    /// </summary>
    public static double Check(IReadOnlyList<NumericConstraint> constraints, string candidate)
    {
        if (constraints.Count == 0)
        {
            return 0;
        }

        List<Quantity> quantities = Quantities(candidate);
        double total = 0;
        foreach (NumericConstraint constraint in constraints)
        {
            bool any = false;
            bool broken = false;
            foreach (Quantity q in quantities)
            {
                if (q.Unit == constraint.Unit)
                {
                    any = true;
                    broken |= !constraint.Allows(q.Value);
                }
            }

            total += !any ? 0 : broken ? -1 : 1;
        }

        return total;
    }

    /// <summary>Reads "one and a half hours", "$1,350", "2h 38m", "24-room" or "3 floors" into a quantity.</summary>
    private static Quantity? ReadQuantity(string amount, bool allowArticle)
    {
        Match m = QuantityPattern().Match(amount.Trim());
        if (!m.Success)
        {
            return null;
        }

        if (m.Groups["hours"].Success)
        {
            double minutes = (60 * double.Parse(m.Groups["hours"].Value, CultureInfo.InvariantCulture))
                + (m.Groups["minutes"].Success ? double.Parse(m.Groups["minutes"].Value, CultureInfo.InvariantCulture) : 0);
            return new Quantity(minutes, "minute");
        }

        string number = m.Groups["number"].Value;
        if (!allowArticle && number is "a" or "an")
        {
            return null;
        }

        double value = NumberWords.Values.TryGetValue(number, out double word)
            ? word
            : double.Parse(number.Replace(",", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture);
        if (m.Groups["half"].Success)
        {
            value += 0.5;
        }

        if (m.Groups["currency"].Success)
        {
            string currency = m.Groups["currency"].Value switch { "€" => "eur", "£" => "gbp", _ => "usd" };
            return new Quantity(value, currency);
        }

        string unit = Stemmer.Singular(m.Groups["unit"].Value);
        if (unit.Length == 0 || NotUnits.Contains(unit))
        {
            return null;
        }

        if (Measures.TryGetValue(unit, out var measure))
        {
            return new Quantity(value * measure.Factor, measure.Unit);
        }

        // A count needs a digit or a number word ("a room" says nothing about how many), and a four-digit number from 1000 to
        // 2099 is a year ("1919 Birmingham").
        bool year = number.Length == 4 && value is >= 1000 and < 2100;
        return number is "a" or "an" || year ? null : new Quantity(value, CountSynonyms.GetValueOrDefault(unit, unit));
    }

    private const string Number = NumberWords.Pattern;

    private const string Amount = @"(?:(?<hours>\d+)\s?h(?:rs?)?\s?(?<minutes>\d+)\s?m(?:in)?\b|(?<currency>[$€£])\s?(?<number>" + Number + @")|(?<number>" + Number + @")(?<half>\s+and\s+a\s+half)?[\s-]?(?<unit>[a-z]+))";

    [GeneratedRegex(@"^" + Amount, RegexOptions.CultureInvariant)]
    private static partial Regex QuantityPattern();

    [GeneratedRegex(@"(?<![\w.,])" + Amount, RegexOptions.CultureInvariant)]
    private static partial Regex AmountPattern();

    [GeneratedRegex(
        @"\b(?:(?<upper>less than|fewer than|under|below|shorter than|smaller than|cheaper than|at most|no more than|not more than|up to|a maximum of|maximum of|max(?:imum)?|no (?:longer|taller|bigger|larger|higher|further|farther|older|higher) than|within)|(?<lower>more than|over|above|longer than|greater than|larger than|taller than|exceeding|in excess of|at least|a minimum of|minimum of|min(?:imum)?|no (?:less|fewer|shorter|smaller) than))\s+(?<amount>(?:[$€£]\s?)?[\w.,]+(?:\s+and\s+a\s+half)?(?:[\s-]+\w+)?(?:\s+\d+\s?m(?:in)?)?)",
        RegexOptions.CultureInvariant)]
    private static partial Regex ComparisonPattern();
}
