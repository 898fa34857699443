using System.Text.RegularExpressions;
using Penchant.Domain;
using Penchant.Learning.Statements;
using Penchant.Language;

namespace Penchant.Selecting;

/// <summary>
/// A current preference with what selection reads precomputed once per user state: stems, hint and scope vectors, its
/// similarity to a background of ordinary requests, and the slot values and quantities a request could contradict (see
/// <see cref="Contradiction"/>).
/// </summary>
internal sealed partial class PreparedPreference(Preference preference, HashSet<string> stems, float[][] hintVectors, float[]? scopeVector, HashSet<string> scopeStems, float[]? chainVector)
{
    public Preference Preference { get; } = preference;

    public HashSet<string> Stems { get; } = stems;

    public float[][] HintVectors { get; } = hintVectors;

    public float[]? ScopeVector { get; } = scopeVector;

    public HashSet<string> ScopeStems { get; } = scopeStems;

    public float[]? ChainVector { get; } = chainVector;

    /// <summary>Gets the mean similarity of the preference's text to the background of ordinary requests (see <see cref="GateBackground"/>); 0 without one.</summary>
    public double BackgroundMean { get; init; }

    /// <summary>Gets the standard deviation of those similarities, at least <see cref="GateBackground.MinimumSpread"/>; 1 without a background.</summary>
    public double BackgroundSpread { get; init; } = 1;

    /// <summary>Gets the preference's neighbourhood among ordinary requests (see <see cref="GateBackground.Neighbourhood"/>); empty without a background.</summary>
    public float[] NeighbourhoodVector { get; init; } = [];

    /// <summary>Gets the situation the preference holds in (see <see cref="ScopeSituations.Phrase(Preference)"/>), or <see langword="null"/>.</summary>
    public string? Situation
    {
        get;
        init
        {
            field = value;
            SituationPerson = value is null ? null : ScopeSituations.PersonOf(value.ToLowerInvariant());
        }
    }

    /// <summary>Gets whom <see cref="Situation"/> is for (see <see cref="ScopeSituations.PersonOf(string)"/>), found once when the preference is prepared, or <see langword="null"/>.</summary>
    public string? SituationPerson { get; private init; }

    /// <summary>Gets the vector of <see cref="Situation"/>; empty when it has none.</summary>
    public float[] SituationVector { get; init; } = [];

    /// <summary>Gets the mean similarity of <see cref="Situation"/> to the background of ordinary requests; 0 without one.</summary>
    public double SituationMean { get; init; }

    /// <summary>Gets the spread of those similarities, at least <see cref="GateBackground.MinimumSpread"/>; 1 without a background.</summary>
    public double SituationSpread { get; init; } = 1;

    /// <summary>Gets the qualifiers of <see cref="Situation"/> (see <see cref="ScopeSituations.Qualifiers(Preference)"/>); empty when it has none.</summary>
    public SituationQualifier[] Qualifiers { get; init; } = [];

    /// <summary>Gets the vectors of the scope's exclusions, in the order of <see cref="PreferenceScope.Exclusions"/>; empty when it has none.</summary>
    public float[][] ExclusionVectors { get; init; } = [];

    /// <summary>
    /// Gets the recipient group the preference is for: its scope's tag, or, when no scope was extracted, the one its text
    /// addresses ("Texts to my grandmother should be in Greek"), since such a preference holds only for messages to them.
    /// </summary>
    public string? Recipient { get; } = preference.Scope.Tags.TryGetValue("recipient", out string? r) ? r : AddressedRecipient(preference);

    /// <summary>Gets the family member the preference is for ("mother", "father", …) when <see cref="Recipient"/> is the family.</summary>
    public string? FamilyMember { get; } = StatementAnalyzer.FamilyMemberOf((preference.Scope.Text ?? preference.Text).ToLowerInvariant());

    public string? Channel { get; } = preference.Scope.Tags.TryGetValue("channel", out string? c) ? c : null;

    /// <summary>Gets the slot values the preference names (see <see cref="Contradiction"/>).</summary>
    public (int Slot, int Value)[] SlotValues { get; } = Contradiction.Values(preference.Text.ToLowerInvariant());

    /// <summary>Gets the quantities with units the preference names.</summary>
    public (string Number, string Unit)[] Quantities { get; } = Contradiction.Quantities(preference.Text.ToLowerInvariant());

    /// <summary>
    /// Gets a value indicating whether the preference's scope is someone else's ("choosing films for my daughter", "baking for
    /// my neighbours"): a request the user makes for themself ("films for me") is outside it, however close in words.
    /// </summary>
    public bool ScopeIsForSomeoneElse { get; } = preference.Scope.Text is { } scope && StatementAnalyzer.NamesSomeoneElse(scope.ToLowerInvariant());

    /// <summary>Gets a value indicating whether the preference holds only somewhere: it has a scope, or its text names what it is about (see <see cref="ScopePhrase(Preference)"/>).</summary>
    public bool IsScoped { get; } = preference.Scope.IsScoped || ImplicitScope(preference.Text) is not null;

    /// <summary>
    /// Gets the phrase whose embedding and words stand for a preference's scope: the scope text without a leading subject, so
    /// that the trigger of a rule ("I order takeaway") reads like the requests that meet it ("book a table at …"); or, when
    /// no scope was extracted, the thing the preference is a rule for ("Quarterly updates need a one-line verdict first").
    /// </summary>
    /// <param name="preference">The preference.</param>
    /// <returns>The phrase, or <see langword="null"/> when the preference holds everywhere.</returns>
    public static string? ScopePhrase(Preference preference)
    {
        if (preference.Scope.Text is not { } scopeText)
        {
            return preference.Scope.IsScoped ? null : ImplicitScope(preference.Text);
        }

        string phrase = FunctionWords.LeadingSubject().Replace(scopeText, string.Empty);
        return phrase.Length >= 3 ? phrase : scopeText;
    }

    /// <summary>Finds the thing a statement of the form "X should / must / need(s) …" is a rule for, if it names one.</summary>
    private static string? ImplicitScope(string text)
    {
        Match match = RuleForPattern().Match(text);
        return match.Success && !FunctionWords.NotAThing().IsMatch(match.Groups["thing"].Value) ? match.Groups["thing"].Value : null;
    }

    private static string? AddressedRecipient(Preference preference)
    {
        if (preference.Scope.IsScoped)
        {
            return null;
        }

        Match match = AddressedPattern().Match(preference.Text.ToLowerInvariant());
        return match.Success ? StatementAnalyzer.RecipientOf(match.Groups["who"].Value) : null;
    }

    [GeneratedRegex(@"\b(?:messages?|e-?mails?|texts?|notes?|letters?|replies|dms?|anything i (?:write|send))\s+(?:to|for|with)\s+(?<who>(?:my |our |the )?[a-z'-]+(?: [a-z'-]+)?)", RegexOptions.CultureInvariant)]
    private static partial Regex AddressedPattern();

    [GeneratedRegex(@"^\s*(?:every |all |any |my |our |the )?(?<thing>[a-z][a-z'-]*(?: [a-z][a-z'-]*){0,3}?)\s+(?:should|must|need|needs|have to|has to)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RuleForPattern();
}
