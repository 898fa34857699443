using System.Text.RegularExpressions;
using Penchant.Domain;
using Penchant.Language;

namespace Penchant.Learning.Statements;

/// <summary>Reads the structure of a preference statement with rules: kind, polarity, strength, scope, chain and revision cues.</summary>
internal static partial class StatementAnalyzer
{
    private static readonly (string Key, string[] Words)[] Recipients =
    [
        ("boss", ["boss", "manager", "supervisor", "my lead", "team lead", "director", "ceo", "head of"]),
        ("client", ["client", "clients", "customer", "customers"]),
        ("friend", ["friend", "friends", "buddy", "mate", "mates"]),
        ("family", ["mom", "mum", "dad", "mother", "father", "parents", "sister", "brother", "family", "grandma", "grandpa", "wife", "husband", "partner"]),
        ("team", ["team", "colleague", "colleagues", "coworker", "coworkers", "co-worker"]),
        ("school", ["school", "teacher", "teachers", "kids' school", "principal"]),
    ];

    // Finer than the "family" recipient group: a scope for one member is not met by a request for another.
    private static readonly (string Key, string[] Words)[] FamilyMembers =
    [
        ("family", ["family", "parents", "folks"]),
        ("mother", ["mom", "mum", "mother", "mommy", "mummy", "mam", "mama"]),
        ("father", ["dad", "father", "daddy", "papa"]),
        ("sibling", ["sister", "brother", "sis", "bro", "siblings"]),
        ("grandparent", ["grandma", "grandpa", "grandmother", "grandfather", "granny", "nana"]),
        ("spouse", ["wife", "husband", "partner"]),
    ];

    private static readonly (string Key, string[] Words)[] Channels =
    [
        ("email", ["email", "emails", "e-mail", "mail", "emailing"]),
        ("chat", ["slack", "teams message", "chat", "whatsapp", "text message", "texts", "sms"]),
        ("social", ["linkedin", "twitter", "instagram", "social media", "post", "posts"]),
        ("code", ["code", "coding", "script", "scripts", "programming"]),
    ];

    /// <summary>Analyzes a statement into an extracted preference.</summary>
    public static ExtractedPreference Analyze(string text, string? scope, double confidence)
    {
        string lower = TextTools.PlainApostrophes(text).ToLowerInvariant();
        PreferenceKind kind = RulePattern().IsMatch(lower) ? PreferenceKind.Rule
            : FactPattern().IsMatch(lower) ? PreferenceKind.Fact
            : PreferenceKind.Preference;
        Polarity polarity = Negation.StatementCue().IsMatch(lower) || Negation.Omission().IsMatch(lower) ? Polarity.Negative
            : kind == PreferenceKind.Fact && !StanceCues.Positive().IsMatch(lower) ? Polarity.Neutral
            : Polarity.Positive;
        double strength = StanceCues.Absolute().IsMatch(lower) ? 1.0
            : StanceCues.Strong().IsMatch(lower) ? 0.75
            : 0.5;

        string? scopeText = scope ?? ScopeOf(text);
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        if (scopeText is not null)
        {
            string scopeLower = scopeText.ToLowerInvariant();
            AddTag(tags, "recipient", Recipients, scopeLower);
            AddTag(tags, "channel", Channels, scopeLower);
        }

        Match chain = ChainPattern().Match(text);
        string? chainsTo = chain.Success ? chain.Groups["target"].Value.Trim() : null;
        if (chainsTo is null && kind == PreferenceKind.Rule && ConsequentPattern().Match(text) is { Success: true } consequent)
        {
            // "When I schedule a dentist appointment, add a reminder the day before": the action brings in its own area.
            chainsTo = consequent.Groups["action"].Value.Trim().TrimEnd('.', '!');
        }

        return new ExtractedPreference
        {
            Text = text.Trim(),
            Kind = kind,
            Polarity = polarity,
            Strength = strength,
            Scope = scopeText is null && tags.Count == 0
                ? PreferenceScope.Everywhere
                : new PreferenceScope { Text = scopeText, Tags = tags },
            Confidence = confidence,
            ChainsTo = chainsTo,
            SignalsRevision = TimeExpressions.Change().IsMatch(lower) && !AdditionPattern().IsMatch(lower),
        };
    }

    /// <summary>Finds which recipient group a text mentions (boss, client, friend, …), if any.</summary>
    public static string? RecipientOf(string lower) => Find(Recipients, lower);

    /// <summary>
    /// Finds which family member a text names, so that a scope for one ("texting my mom") is not met by a request for another
    /// ("text my dad"), while a scope for the whole family is met by any of them.
    /// </summary>
    /// <param name="lower">The text in lower case.</param>
    /// <returns>The member ("mother", "father", "sibling", "grandparent", "spouse"), "family" when the text names the whole family, or <see langword="null"/> when it names none.</returns>
    public static string? FamilyMemberOf(string lower) => Find(FamilyMembers, lower);

    /// <summary>
    /// Gets a value indicating whether a text names someone other than the user: a recipient group (see
    /// <see cref="RecipientOf"/>) or another person of theirs ("my son", "our guests", "my in-laws").
    /// </summary>
    /// <param name="lower">The text in lower case.</param>
    public static bool NamesSomeoneElse(string lower) => RecipientOf(lower) is not null || OtherPersonPattern().IsMatch(lower);

    /// <summary>Finds which channel a text mentions (email, chat, …), if any.</summary>
    public static string? ChannelOf(string lower) => Find(Channels, lower);

    private static string? ScopeOf(string text)
    {
        Match match = ScopePattern().Match(text);
        if (match.Success)
        {
            return match.Groups["scope"].Value.Trim().TrimEnd(',', '.');
        }

        match = TargetScopePattern().Match(text);
        if (match.Success)
        {
            return match.Groups["scope"].Value.Trim().TrimEnd(',', '.');
        }

        match = OutOfScopePattern().Match(text);
        if (match.Success)
        {
            return match.Groups["scope"].Value.Trim().TrimEnd(',', '.');
        }

        match = LeadingScopePattern().Match(text);
        return match.Success ? match.Groups["scope"].Value.Trim().TrimEnd(',', '.') : null;
    }

    private static void AddTag(Dictionary<string, string> tags, string name, (string Key, string[] Words)[] groups, string lower)
    {
        string? key = Find(groups, lower);
        if (key is not null)
        {
            tags[name] = key;
        }
    }

    private static string? Find((string Key, string[] Words)[] groups, string lower)
    {
        foreach ((string key, string[] words) in groups)
        {
            foreach (string word in words)
            {
                int at = lower.IndexOf(word, StringComparison.Ordinal);
                if (at >= 0 && (at == 0 || !char.IsLetter(lower[at - 1])) &&
                    (at + word.Length == lower.Length || !char.IsLetter(lower[at + word.Length])))
                {
                    return key;
                }
            }
        }

        return null;
    }

    [GeneratedRegex(@"^\s*(when(ever)?|if|any ?time|each time|every time|for (any|all|my)\b)|\b(always|also) (book|look|add|check|include|find|get|reserve|remind|use|sign|cc|copy)\b", RegexOptions.CultureInvariant)]
    private static partial Regex RulePattern();

    [GeneratedRegex(@"\b(i'?m|i am) (allergic|intolerant|diabetic|pregnant|vegan|vegetarian|pescatarian|a (vegan|vegetarian|nurse|teacher|student|developer|parent|mom|dad))|\b(i have|i've got) (a |an )?(severe |mild |strong )?(allerg|intoleran|diabet|celiac|coeliac|bad knee|back|kid|child|son|daughter|dog|cat|two|three)|\b(i live|i work|i drive|i own|my (budget|kids?|son|daughter|wife|husband|partner|dog|cat|team|boss|name|home|address) )|\ballerg|\bintoleran", RegexOptions.CultureInvariant)]
    private static partial Regex FactPattern();

    [GeneratedRegex(@"^\s*(?:for|with|in|on|at)\s+(?<scope>(?:my |our |the |any |all )?[^,]{3,60}?)(?:,|\s+(?=(?:i|i'm|i'd|i've|please|always|never|use|keep|make|there's|there is|no|don't|do not)\b))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LeadingScopePattern();

    [GeneratedRegex(@"^\s*(?:when(?:ever)?|if|any ?time|each time|every time)\b[^,]+,\s*(?:please\s+)?(?:also\s+)?(?<action>(?:add|set up|include|log|cc|copy|make|book|order|remind|send|create|schedule|check|put|save|find|look for|get|reserve|write|note)\b.+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ConsequentPattern();

    // "too" adds only at the end of a clause ("I like tea too"), not before an adjective ("it's too dark").
    [GeneratedRegex(@"\b(also|as well|in addition|on top of)\b|\btoo\b(?=\s*(?:[.,;!?]|$))", RegexOptions.CultureInvariant)]
    private static partial Regex AdditionPattern();

    [GeneratedRegex(@"^\s*(?:when(?:ever)?|if|any ?time|each time|every time)\s+(?<scope>[^,]+?)(?:,|\s+(?:please|always|never|i want|i'd like|i prefer|make sure|use|don't|do not|keep|sign|add|also)\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ScopePattern();

    [GeneratedRegex(@"\b(?:in|for|on|when (?:writing|sending|drafting|replying to))\s+(?<scope>(?:any |all |my )?(?:emails?|e-mails?|messages?|texts?|slack messages?|posts?|replies|letters?|notes?|code|documents?|reports?)(?:\s+(?:to|for|with|at)\s+[^,.;]+)?)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TargetScopePattern();

    // "Leave/keep <something> out of <situation>": the situation is where the thing is kept out ("keep slang out of my
    // reports to the board"). Closed-class words only.
    [GeneratedRegex(@"\b(?:leave|keep)\s+[^,.;!?]{1,60}?\s+out\s+of\s+(?<scope>(?:(?:the|my|our|any|all|every)\s+)?[^,.;!?]{3,80})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OutOfScopePattern();

    [GeneratedRegex(@"\balso\s+(?:look for|find|book|check|search for|get|reserve|add|suggest|include|make me|make|order|create|set up)\s+(?:a |an |some |the )?(?<target>[^,.;]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ChainPattern();

    // People besides the recipient groups (their children, in-laws, guests, …).
    [GeneratedRegex(@"\b(?:my|our|his|her|their)\s+(?:[a-z'-]+\s+)?(?:son|sons|daughter|daughters|kid|kids|child|children|toddler|baby|niece|nephew|in-laws|father-in-law|mother-in-law|guests?|roommates?|flatmates?|neighbou?rs?|girlfriend|boyfriend|fianc[eé]e?)\b", RegexOptions.CultureInvariant)]
    private static partial Regex OtherPersonPattern();
}
