using System.Collections.Frozen;

namespace Penchant.Language;

/// <summary>
/// English number words: closed-class, hand-written for Penchant from the cardinal numbers of English. Two tables, kept
/// apart because their readers were measured with them as they are (merging them would change what matches):
/// <see cref="AsDigits"/> says what a statement is about ("two dogs" and "2 dogs" are one object) and has no "one" (a
/// pronoun as often as a number: "the blue one") but has "thousand"; <see cref="Values"/> reads amounts ("two and a half
/// hours") and has "one", "fifteen", "sixty" and the articles "a"/"an" as one, but no "thousand". <see cref="Pattern"/> is
/// <see cref="Values"/>'s words (with digits) as a regular expression.
/// </summary>
internal static class NumberWords
{
    /// <summary>Gets the number words that stand for a number in what a statement is about, with the digits they stand for.</summary>
    public static FrozenDictionary<string, string> AsDigits { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["two"] = "2", ["three"] = "3", ["four"] = "4", ["five"] = "5", ["six"] = "6", ["seven"] = "7", ["eight"] = "8",
        ["nine"] = "9", ["ten"] = "10", ["eleven"] = "11", ["twelve"] = "12", ["twenty"] = "20", ["thirty"] = "30",
        ["forty"] = "40", ["fifty"] = "50", ["hundred"] = "100", ["thousand"] = "1000",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Gets the number words an amount may be written with, with their values ("a" and "an" are one).</summary>
    public static FrozenDictionary<string, double> Values { get; } = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8, ["nine"] = 9,
        ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["fifteen"] = 15, ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40,
        ["fifty"] = 50, ["sixty"] = 60, ["hundred"] = 100, ["a"] = 1, ["an"] = 1,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// A number as a regular expression: digits (with thousands separators or a decimal point) or one of the words of
    /// <see cref="Values"/>; for <c>[GeneratedRegex]</c> patterns, hence a constant.
    /// </summary>
    public const string Pattern = @"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|hundred|an?)";
}
