using System.Collections.Frozen;
using System.Globalization;
using System.Numerics.Tensors;
using System.Text.RegularExpressions;
using Penchant.Domain;
using Penchant.Language;
using Penchant.Learning.Statements;

namespace Penchant.Selecting;

/// <summary>
/// The filter after the gate for scoped preferences (C3PO's near scope): a scoped preference fires only where its situation
/// applies, not wherever the request shares the topic of the wish. "Skip the small talk whenever you message my landlord" is
/// about messages to the landlord, and a message to a neighbour is near its scope, not in it. The situation is the scope phrase (see
/// <see cref="PreparedPreference.ScopePhrase(Preference)"/>) or, when none was extracted, the situation clause the text
/// names ("whenever you message my landlord", "in my evening runs"); a request is in it when its similarity to the situation, as a
/// z-score against the same background of ordinary requests the gate uses (see <see cref="GateBackground"/>), reaches
/// <see cref="PenchantOptions.SituationZ"/>, and every qualifier of the situation is in the request too (see
/// <see cref="Qualifiers(Preference)"/>): the whole situation gives the domain, and a request of the same domain with another
/// qualifier ("message my neighbour" for "message my landlord", "a swim at dawn" for "my lunchtime workouts") is near
/// its scope, not in it.
/// </summary>
internal static partial class ScopeSituations
{

    // Closed-class words the stop words lack, and generic request nouns like the stop words' "tips" and "ideas": they end a part.
    private static readonly FrozenSet<string> PartBreaks = FrozenSet.Create(
        StringComparer.Ordinal,
        ["his", "her", "their", "each", "every", "during", "before", "after", "under", "above", "below", "whenever", "while", "until", "per", "via", "without", "within", "through", "across", "advice", "options", "recommendations"]);

    // The start of the reason the gate gives a preference a chained rule brought in (see PreferenceGate).
    private const string BroughtIn = "brought in by the rule";

    // A word after these is a verb ("when you email …", "when I'm looking for …").
    private static readonly FrozenSet<string> Subjects = FrozenSet.Create(
        StringComparer.Ordinal,
        ["i", "im", "ive", "id", "you", "youre", "we", "were", "they", "can", "cant", "could", "should", "will", "would", "dont"]);

    // A part from these on is a condition on amounts ("longer than five hours", "under twenty euros"), not a qualifier a request states.
    private static readonly FrozenSet<string> Comparatives = FrozenSet.Create(
        StringComparer.Ordinal,
        ["than", "under", "over", "above", "below", "longer", "shorter", "more", "less", "fewer", "least", "most"]);

    /// <summary>
    /// Removes the selected preferences whose situation the request is not in, and returns them with an "outside …" reason;
    /// those it keeps get an "in its situation …" reason.
    /// </summary>
    /// <param name="selected">What the gate selected; changed in place.</param>
    /// <param name="prepared">The prepared preferences the gate scored.</param>
    /// <param name="request">The request.</param>
    /// <param name="minimumZ">The least z-score of the request's similarity to the situation.</param>
    /// <param name="qualifierZ">The least z-score of its similarity to each qualifier of the situation it does not state (see <see cref="Missing"/>); <see langword="null"/> for no qualifier test.</param>
    /// <param name="nearScope">The learned near-scope test of each qualifier the request does not state (see <see cref="Unmet"/>), or <see langword="null"/> for none.</param>
    /// <returns>The preferences removed, in the order they were selected.</returns>
    public static List<SelectedPreference> Apply(List<SelectedPreference> selected, IReadOnlyList<PreparedPreference> prepared, RequestView request, double minimumZ, double? qualifierZ = 2.0, NearScopeModel? nearScope = null)
    {
        var outside = new List<SelectedPreference>();
        for (int i = 0; i < selected.Count; i++)
        {
            if (Find(prepared, selected[i].Preference) is not { SituationVector: { Length: > 0 } } p)
            {
                continue;
            }

            if (p.SituationPerson is { } scoped && request.Person is { } asked && scoped != asked)
            {
                outside.Add(selected[i] with { Reasons = [$"outside its situation \"{p.Situation}\" (for {scoped}, not {asked})", .. selected[i].Reasons] });
                selected.RemoveAt(i--);
                continue;
            }

            double z = Z(p, request);
            if (z < minimumZ)
            {
                outside.Add(selected[i] with { Reasons = [string.Create(CultureInfo.InvariantCulture, $"outside its situation \"{p.Situation}\" (z {z:0.00})"), .. selected[i].Reasons] });
                selected.RemoveAt(i--);
                continue;
            }

            // A preference a chained rule brought in holds in the area the rule points to, not in the request's own words.
            bool broughtIn = selected[i].Reasons.Any(static r => r.StartsWith(BroughtIn, StringComparison.Ordinal));
            (SituationQualifier Qualifier, double Probability)? weakest = nearScope is null || broughtIn ? null : Least(p, request, z, nearScope);
            if (weakest is { } unmet && unmet.Probability < nearScope!.Threshold)
            {
                outside.Add(selected[i] with { Reasons = [string.Create(CultureInfo.InvariantCulture, $"outside its situation \"{p.Situation}\" (z {z:0.00}, but \"{unmet.Qualifier.Text}\" p {unmet.Probability:0.00}, learned near scope)"), .. selected[i].Reasons] });
                selected.RemoveAt(i--);
                continue;
            }

            if (qualifierZ is { } least && !broughtIn && Missing(p, request, least) is { } missing)
            {
                outside.Add(selected[i] with { Reasons = [string.Create(CultureInfo.InvariantCulture, $"outside its situation \"{p.Situation}\" (z {z:0.00}, but \"{missing.Qualifier.Text}\" z {missing.Z:0.00})"), .. selected[i].Reasons] });
                selected.RemoveAt(i--);
                continue;
            }

            string learned = weakest is { } met ? string.Create(CultureInfo.InvariantCulture, $", \"{met.Qualifier.Text}\" p {met.Probability:0.00}") : string.Empty;
            selected[i] = selected[i] with { Reasons = [.. selected[i].Reasons, string.Create(CultureInfo.InvariantCulture, $"in its situation \"{p.Situation}\" (z {z:0.00}{learned})")] };
        }

        return outside;
    }

    /// <summary>
    /// Finds the first qualifier of a preference's situation that the request does not meet: it names neither the
    /// qualifier's person nor all its words, and its similarity to the qualifier, as a z-score against the background, is
    /// below <paramref name="minimumZ"/> (<see cref="PenchantOptions.SituationQualifierZ"/>, off by default; 2.0 was the best
    /// value on the tune split of <c>eval/feedback</c> from 1.0 to 3.5).
    /// </summary>
    /// <param name="p">The prepared preference.</param>
    /// <param name="request">The request.</param>
    /// <param name="minimumZ">The least z-score of the request's similarity to a qualifier it does not state.</param>
    /// <returns>The qualifier and the request's z-score for it, or <see langword="null"/> when the request meets them all.</returns>
    internal static (SituationQualifier Qualifier, double Z)? Missing(PreparedPreference p, RequestView request, double minimumZ)
    {
        foreach (SituationQualifier q in p.Qualifiers)
        {
            if (States(q, request))
            {
                continue;
            }

            double z = (TensorPrimitives.Dot(request.Vector, q.Vector) - q.Mean) / q.Spread;
            if (z < minimumZ)
            {
                return (q, z);
            }
        }

        return null;
    }

    /// <summary>
    /// Finds the first qualifier of a preference's situation that the learned near-scope test says the request does not meet:
    /// it names neither the qualifier's person nor all its words, and <see cref="NearScopeModel"/> gives it a probability below
    /// the model's threshold.
    /// </summary>
    /// <param name="p">The prepared preference.</param>
    /// <param name="request">The request, with its parts (see <see cref="RequestView.Parts"/>).</param>
    /// <param name="situationZ">The request's z-score against the whole situation.</param>
    /// <param name="model">The near-scope model.</param>
    /// <returns>The qualifier and its probability, or <see langword="null"/> when the request meets them all.</returns>
    internal static (SituationQualifier Qualifier, double Probability)? Unmet(PreparedPreference p, RequestView request, double situationZ, NearScopeModel model)
        => Least(p, request, situationZ, model) is { } least && least.Probability < model.Threshold ? least : null;

    /// <summary>The qualifier the request is least likely to meet by the learned near-scope test, among those it does not state.</summary>
    /// <returns>The qualifier and its probability, or <see langword="null"/> when the request states them all.</returns>
    internal static (SituationQualifier Qualifier, double Probability)? Least(PreparedPreference p, RequestView request, double situationZ, NearScopeModel model)
    {
        (SituationQualifier Qualifier, double Probability)? least = null;
        foreach (SituationQualifier q in p.Qualifiers)
        {
            if (States(q, request))
            {
                continue;
            }

            double probability = model.Probability(NearScopeFeatures.Measure(q, situationZ, request, p.SituationVector));
            if (least is null || probability < least.Value.Probability)
            {
                least = (q, probability);
            }
        }

        return least;
    }

    /// <summary>Whether a request states a qualifier outright: it names the qualifier's person or every one of its words.</summary>
    internal static bool States(SituationQualifier q, RequestView request)
        => (q.Person is { } who && request.Person == who) || (q.Stems.Count > 0 && q.Stems.IsSubsetOf(request.Stems));

    /// <summary>
    /// Splits a preference's situation (see <see cref="Phrase(Preference)"/>) into its qualifiers: the runs of content words
    /// between closed-class words, without its verb (the first word of a situation read from a "when I …" scope, of a
    /// gerund or of a request, and a word after a subject or modal) and without conditions on amounts ("longer than five
    /// hours"). "I reply to landlords" gives "landlords"; "when I'm choosing films to watch with my sister" gives "films",
    /// "watch" and "sister"; "in my lunchtime workouts" gives "lunchtime workouts".
    /// </summary>
    /// <param name="preference">The preference.</param>
    /// <returns>The qualifiers in lower case, in order; empty when the preference has no situation or its situation is a verb alone.</returns>
    public static List<string> Qualifiers(Preference preference)
    {
        if (Phrase(preference) is not { } situation)
        {
            return [];
        }

        string trimmed = situation.TrimEnd();
        bool verbFirst = (preference.Scope.Text is { } scope && FunctionWords.LeadingSubject().Match(scope) is { Length: > 0 })
            || (trimmed.Length > 0 && trimmed[^1] is '.' or '?' or '!' && !FunctionWords.QuestionStart().IsMatch(trimmed.ToLowerInvariant()));
        return Parts(situation, verbFirst);
    }

    /// <summary>Splits a situation into its qualifiers (see <see cref="Qualifiers(Preference)"/>).</summary>
    /// <param name="situation">The situation.</param>
    /// <param name="verbFirst">Whether its first word is its verb.</param>
    /// <returns>The qualifiers in lower case, in order.</returns>
    internal static List<string> Parts(string situation, bool verbFirst)
    {
        List<string> words = TextTools.Words(situation);
        var parts = new List<string>();
        var part = new List<string>();
        bool verbNext = verbFirst || (words.Count > 1 && words[0].EndsWith("ing", StringComparison.Ordinal));
        bool condition = false;
        foreach (string word in words)
        {
            if (Subjects.Contains(word))
            {
                End();
                verbNext = true;
                continue;
            }

            if (TextTools.IsStopWord(word) || PartBreaks.Contains(word) || Comparatives.Contains(word))
            {
                End();
                condition = Comparatives.Contains(word);
                continue;
            }

            if (verbNext)
            {
                verbNext = false;
                continue;
            }

            condition |= word.Any(char.IsAsciiDigit) || NumberWords.Values.ContainsKey(word);
            part.Add(word);
        }

        End();
        return parts;

        void End()
        {
            if (part.Count > 0 && !condition)
            {
                parts.Add(string.Join(' ', part));
            }

            part.Clear();
        }
    }

    /// <summary>Prepares the qualifiers of a preference's situation (see <see cref="Qualifiers(Preference)"/>).</summary>
    /// <param name="preference">The preference.</param>
    /// <param name="phrases">The embedded phrases, with every qualifier among them.</param>
    /// <param name="background">The background vectors.</param>
    /// <returns>The prepared qualifiers.</returns>
    public static SituationQualifier[] PrepareQualifiers(Preference preference, IReadOnlyDictionary<string, float[]> phrases, float[][] background)
    {
        string situation = Phrase(preference) ?? string.Empty;
        return [.. Qualifiers(preference).Select(q => SituationQualifier.Create(q, phrases[q], background)
            with
            {
                General = General(situation, q) is { } general && phrases.TryGetValue(general, out float[]? vector) ? vector : null,
                Modifier = Modifier(q) is { } modifier && phrases.TryGetValue(modifier, out float[]? m) ? SituationQualifier.Create(modifier, m, background) : null,
            })];
    }

    /// <summary>
    /// The phrases a preference's situation generalizes to, one per qualifier (see <see cref="General(string, string)"/>), and the
    /// qualifiers' modifiers (see <see cref="Modifier(string)"/>): prepared beside the qualifiers so that a request can be
    /// compared with the situation's kind as well as with it, and with the word that says which of the kind it is.
    /// </summary>
    /// <param name="preference">The preference.</param>
    /// <returns>The phrases, without those of qualifiers that have none.</returns>
    public static IEnumerable<string> Generals(Preference preference)
    {
        if (Phrase(preference) is not { } situation)
        {
            yield break;
        }

        foreach (string q in Qualifiers(preference))
        {
            if (General(situation, q) is { } general)
            {
                yield return general;
            }

            if (Modifier(q) is { } modifier)
            {
                yield return modifier;
            }
        }
    }

    /// <summary>The words of a qualifier before its last (its modifier: "leg day" of "leg day workouts"), or <see langword="null"/> for a qualifier of one word.</summary>
    /// <param name="qualifier">The qualifier, in lower case.</param>
    /// <returns>The modifier, or <see langword="null"/>.</returns>
    internal static string? Modifier(string qualifier)
    {
        int space = qualifier.LastIndexOf(' ');
        return space <= 0 ? null : qualifier[..space];
    }

    /// <summary>
    /// The situation with one qualifier made general: a qualifier of several words keeps only its last (its head: "my leg
    /// day workouts" gives "my workouts"), a qualifier of one word is left out ("I reply to recruiters" gives "I reply to");
    /// <see langword="null"/> when nothing with content is left.
    /// </summary>
    /// <param name="situation">The situation.</param>
    /// <param name="qualifier">One of its qualifiers, in lower case.</param>
    /// <returns>The general phrase, or <see langword="null"/>.</returns>
    internal static string? General(string situation, string qualifier)
    {
        string lower = situation.ToLowerInvariant();
        int at = lower.IndexOf(qualifier, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        int space = qualifier.LastIndexOf(' ');
        string head = space < 0 ? string.Empty : qualifier[(space + 1)..];
        string general = string.Join(' ', (lower[..at] + head + lower[(at + qualifier.Length)..]).Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return TextTools.ContentStems(general).Count == 0 ? null : general;
    }

    /// <summary>How unusually close a request is to a preference's situation: its similarity as a z-score against the background.</summary>
    internal static double Z(PreparedPreference p, RequestView request)
        => (ScopeExclusions.Closeness(request, p.SituationVector) - p.SituationMean) / p.SituationSpread;

    /// <summary>
    /// The situation of a preference: its scope phrase, or else the situation clause its text names ("whenever you message
    /// my landlord", "when I'm choosing a film", "in my evening runs", "my Sunday baking"); <see langword="null"/> for a
    /// preference that holds everywhere.
    /// </summary>
    /// <param name="preference">The preference.</param>
    /// <returns>The phrase, or <see langword="null"/>.</returns>
    public static string? Phrase(Preference preference)
    {
        if (PreparedPreference.ScopePhrase(preference) is { } scope)
        {
            return scope;
        }

        // The wish's own sentence: later sentences give reasons ("…, the others felt too loud for me"), not the situation.
        List<string> sentences = TextTools.Sentences(preference.Text);
        Match match = SituationClausePattern().Match(sentences.Count == 0 ? preference.Text : sentences[0]);
        return match.Success ? match.Groups["situation"].Value.Trim() : null;
    }

    /// <summary>
    /// Finds whom a text is for: a family member (see <see cref="StatementAnalyzer.FamilyMemberOf(string)"/>, with partners of
    /// any kind one group), a recipient group (see <see cref="StatementAnalyzer.RecipientOf(string)"/>), another person of
    /// the user's ("my godson", "my tenants"), or the user themself ("for me", "alone").
    /// </summary>
    /// <param name="lower">The text in lower case.</param>
    /// <returns>A key that is equal for the same person or group, or <see langword="null"/> when the text names no one.</returns>
    internal static string? PersonOf(string lower)
    {
        if (PartnerPattern().IsMatch(lower))
        {
            return "partner";
        }

        if (StatementAnalyzer.FamilyMemberOf(lower) is { } member)
        {
            return member;
        }

        if (StatementAnalyzer.RecipientOf(lower) is { } recipient)
        {
            return recipient;
        }

        Match person = PersonPattern().Match(lower);
        if (person.Success)
        {
            string who = person.Groups["who"].Value;
            return who.EndsWith('s') ? who[..^1] : who;
        }

        return FunctionWords.ForSelf().IsMatch(lower) || AlonePattern().IsMatch(lower) ? "self" : null;
    }

    private static PreparedPreference? Find(IReadOnlyList<PreparedPreference> prepared, Preference preference)
    {
        for (int i = 0; i < prepared.Count; i++)
        {
            if (ReferenceEquals(prepared[i].Preference, preference) || string.Equals(prepared[i].Preference.Id, preference.Id, StringComparison.Ordinal))
            {
                return prepared[i];
            }
        }

        return null;
    }

    [GeneratedRegex(@"\b(?:wife|husband|partner|spouse|girlfriend|boyfriend|fianc[eé]e?)\b", RegexOptions.CultureInvariant)]
    private static partial Regex PartnerPattern();

    // People of the user's besides family and recipient groups: kin, people they live or work with, people they care for.
    [GeneratedRegex(@"\b(?:my|our|his|her|their|the|each|a|your)\s+(?:[a-z'-]+\s+)?(?<who>sons?|daughters?|kids?|child|children|toddlers?|bab(?:y|ies)|nephews?|nieces?|cousins?|uncles?|aunts?|grandsons?|granddaughters?|grandchildren|in-laws|roommates?|flatmates?|housemates?|neighbou?rs?|landlords?|landlady|tenants?|teammates?|classmates?|guests?|students?|patients?)\b", RegexOptions.CultureInvariant)]
    private static partial Regex PersonPattern();

    [GeneratedRegex(@"\b(?:alone|on my own|by myself|solo)\b", RegexOptions.CultureInvariant)]
    private static partial Regex AlonePattern();

    // Closed-class words only: a trailing "when(ever) <subject> …" clause, or a thing of the user's ("in/for/on my …", "my …
    // <things>") up to the end of the clause.
    [GeneratedRegex(@"\b(?<situation>(?:when(?:ever)?|any ?time|every time|each time)\s+(?:i|i'm|i am|you|we|we're|my|our)\b[^,.;!?]{3,80}|(?:(?:in|for|on|during)\s+)?(?:my|our)\s+[^,.;!?]{3,60})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SituationClausePattern();
}
