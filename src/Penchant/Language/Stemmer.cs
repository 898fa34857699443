namespace Penchant.Language;

/// <summary>
/// The stemmers, English only: crude suffix strippers written for Penchant, not a published algorithm (no Porter or
/// Snowball). There are three because they were tuned apart and their outputs feed stored and measured behaviour; they
/// are kept as they are, each named for what it does, rather than merged:
/// <list type="bullet">
/// <item><see cref="Stem"/> (lexical features, selection and ranking): strips the first of "ies", "ing", "ed", "es",
/// "ic", "y", "s" that leaves four letters, so "allergies" and "allergic" meet ("allerg") but "stores" ("stor") and
/// "store" (kept whole) stay apart.</item>
/// <item><see cref="KeyStem"/> (what a statement is about, <c>ObjectKey</c>): first makes plurals singular ("ies" → "y",
/// "sses"/"ches"/"shes"/"xes" lose "es", a final "s" goes unless after "s", "u" or "i"), then strips "ing", "ed", "ic",
/// "y", "e" in turn while four letters remain, so "stores" and "store", "Fridays" and "Friday" meet.</item>
/// <item><see cref="Singular"/> (units after a number, <c>NumericConstraints</c>): only makes a plural singular.</item>
/// </list>
/// </summary>
internal static class Stemmer
{
    private static readonly string[] StemSuffixes = ["ies", "ing", "ed", "es", "ic", "y", "s"];

    /// <summary>Gets a crude stem: enough to match "allergies" with "allergic" and "emails" with "email".</summary>
    /// <param name="word">A lower-case word.</param>
    public static string Stem(string word)
    {
        int length = StemLength(word);
        return length == word.Length ? word : word[..length];
    }

    /// <summary>Gets the length of a word's stem (see <see cref="Stem"/>): the word without the first of its endings that leaves four letters.</summary>
    /// <param name="word">A lower-case word.</param>
    public static int StemLength(ReadOnlySpan<char> word)
    {
        if (word.Length <= 4)
        {
            return word.Length;
        }

        foreach (string suffix in StemSuffixes)
        {
            if (word.EndsWith(suffix, StringComparison.Ordinal) && word.Length - suffix.Length >= 4)
            {
                return word.Length - suffix.Length;
            }
        }

        return word.Length;
    }

    /// <summary>
    /// Gets a stem that conflates plurals and the common endings both ways ("stores" and "store", "Fridays" and "Friday",
    /// "allergies" and "allergic"); stricter than <see cref="Stem"/>, which leaves "store" and "stores" apart.
    /// </summary>
    /// <param name="word">A lower-case word.</param>
    public static string KeyStem(string word)
    {
        if (word.Length <= 3)
        {
            return word;
        }

        string stem = word.EndsWith("ies", StringComparison.Ordinal) ? word[..^3] + "y"
            : word.EndsWith("sses", StringComparison.Ordinal) || word.EndsWith("ches", StringComparison.Ordinal) || word.EndsWith("shes", StringComparison.Ordinal) || word.EndsWith("xes", StringComparison.Ordinal) ? word[..^2]
            : word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) && !word.EndsWith("us", StringComparison.Ordinal) && !word.EndsWith("is", StringComparison.Ordinal) ? word[..^1]
            : word;
        foreach (string suffix in (ReadOnlySpan<string>)["ing", "ed", "ic", "y", "e"])
        {
            if (stem.EndsWith(suffix, StringComparison.Ordinal) && stem.Length - suffix.Length >= 4)
            {
                stem = stem[..^suffix.Length];
            }
        }

        return stem;
    }

    /// <summary>
    /// Gets the singular of a unit or a counted thing: "ies" → "y" ("stories" → "story") when more than one letter is
    /// left, a final "s" dropped unless after another "s" or in a word of two letters; "people" and "feet" are kept.
    /// </summary>
    /// <param name="word">A lower-case word.</param>
    public static string Singular(string word)
    {
        if (word.EndsWith("ies", StringComparison.Ordinal) && word.Length > 4)
        {
            return word[..^3] + "y";
        }

        if (word.EndsWith("people", StringComparison.Ordinal) || word.EndsWith("feet", StringComparison.Ordinal))
        {
            return word;
        }

        return word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) && word.Length > 2 ? word[..^1] : word;
    }
}
