namespace Penchant.Language;

/// <summary>
/// Closed-class cues of how a message opens and closes, in English: greeting words ("hi", "dear", "good morning") and
/// closing formulas ("best regards", "thanks", "cheers"). Hand-written for Penchant from general letter-writing
/// conventions; they hold no word of any evaluation set. Used to measure the style of a text and of a user's edit of it.
/// </summary>
internal static class StyleCues
{
    /// <summary>Words that open a greeting line ("Hi Sam,", "Dear colleagues,", "Hello!"), lower-case.</summary>
    private static readonly string[] GreetingOpeners =
    [
        "hi", "hello", "hey", "dear", "greetings", "good morning", "good afternoon", "good evening", "hiya", "howdy", "to whom it may concern",
    ];

    /// <summary>Closing formulas that end a message ("Best regards,", "Thanks!", "Sincerely,"), lower-case.</summary>
    private static readonly string[] ClosingOpeners =
    [
        "best", "regards", "kind regards", "warm regards", "best regards", "sincerely", "yours", "cheers", "thanks", "thank you", "many thanks",
        "all the best", "take care", "talk soon", "warmly", "respectfully", "with gratitude", "see you",
    ];

    /// <summary>Gets a value indicating whether a word addresses the reader ("you", "your", "you're"), compared ignoring case.</summary>
    /// <param name="word">The word.</param>
    /// <returns><see langword="true"/> for a second-person pronoun or its contraction.</returns>
    public static bool IsReaderPronoun(ReadOnlySpan<char> word)
    {
        if (word.StartsWith("you", StringComparison.OrdinalIgnoreCase))
        {
            ReadOnlySpan<char> rest = word[3..];
            return rest.Length == 0 || rest[0] is '\'' or '’' || rest.Equals("r", StringComparison.OrdinalIgnoreCase) || rest.Equals("rs", StringComparison.OrdinalIgnoreCase)
                || rest.Equals("rself", StringComparison.OrdinalIgnoreCase) || rest.Equals("rselves", StringComparison.OrdinalIgnoreCase);
        }

        return false;
    }

    /// <summary>Gets a value indicating whether a line opens with a greeting ("Hi team,").</summary>
    /// <param name="line">The line, trimmed.</param>
    /// <returns><see langword="true"/> for a greeting line.</returns>
    public static bool IsGreeting(ReadOnlySpan<char> line) => line.Length <= 60 && OpensWithAny(line, GreetingOpeners);

    /// <summary>Gets a value indicating whether a line is a closing formula ("Best regards," or "Thanks so much!").</summary>
    /// <param name="line">The line, trimmed.</param>
    /// <returns><see langword="true"/> for a closing line.</returns>
    public static bool IsClosing(ReadOnlySpan<char> line) => line.Length <= 40 && OpensWithAny(line, ClosingOpeners);

    private static bool OpensWithAny(ReadOnlySpan<char> line, string[] openers)
    {
        foreach (string opener in openers)
        {
            if (line.StartsWith(opener, StringComparison.OrdinalIgnoreCase)
                && (line.Length == opener.Length || !char.IsLetter(line[opener.Length])))
            {
                return true;
            }
        }

        return false;
    }
}
