using System.Text.RegularExpressions;
using Penchant.Domain;
using Penchant.Language;
using Penchant.Learning.Statements;

namespace Penchant.Selecting;

/// <summary>
/// A request prepared for the gate: its vector and that of its situation (see <see cref="Situation(string)"/>), content
/// stems, recognised recipient and channel, override cue, and what it says that a preference could contradict.
/// </summary>
internal sealed partial class RequestView
{
    public RequestView(RequestContext request, ReadOnlyMemory<float> vector, ReadOnlyMemory<float> situationVector = default)
    {
        Vector = vector.ToArray();
        SituationVector = situationVector.IsEmpty ? null : situationVector.ToArray();
        Stems = TextTools.ContentStems(request.Text);
        string lower = request.Text.ToLowerInvariant();
        Recipient = request.Attributes.TryGetValue("recipient", out string? recipient)
            ? StatementAnalyzer.RecipientOf(recipient.ToLowerInvariant()) ?? recipient.ToLowerInvariant()
            : StatementAnalyzer.RecipientOf(lower);
        Channel = request.Attributes.TryGetValue("channel", out string? channel)
            ? StatementAnalyzer.ChannelOf(channel.ToLowerInvariant()) ?? channel.ToLowerInvariant()
            : StatementAnalyzer.ChannelOf(lower);
        FamilyMember = Recipient == "family" ? StatementAnalyzer.FamilyMemberOf(request.Attributes.TryGetValue("recipient", out string? named) ? named.ToLowerInvariant() : lower) : null;
        Overrides = StanceCues.Override().IsMatch(request.Text);
        IsForSelf = FunctionWords.ForSelf().IsMatch(lower);
        Person = ScopeSituations.PersonOf(lower);
        AsksForKnowledge = KnowledgeQuestionPattern().IsMatch(lower);
        SlotValues = Contradiction.Values(lower);
        Quantities = Contradiction.Quantities(lower);
        Negated = Contradiction.Negated(lower);
    }

    public float[] Vector { get; }

    /// <summary>Gets the request's parts with their vectors (see <see cref="RequestPart"/>); empty unless a scoped preference's qualifiers are to be compared with them.</summary>
    public IReadOnlyList<RequestPart> Parts { get; init; } = [];

    /// <summary>Gets whom the request is for (see <see cref="ScopeSituations.PersonOf(string)"/>), or <see langword="null"/> when it names no one.</summary>
    public string? Person { get; }

    /// <summary>Gets the vector of the request's situation, or <see langword="null"/> when it has none apart from the request.</summary>
    public float[]? SituationVector { get; }

    public HashSet<string> Stems { get; }

    public string? Recipient { get; }

    /// <summary>Gets the family member the request is for ("mother", "father", …) when <see cref="Recipient"/> is the family and it names one.</summary>
    public string? FamilyMember { get; }

    public string? Channel { get; }

    public bool Overrides { get; }

    /// <summary>
    /// Gets a value indicating whether the request only asks how the world is ("How do bees make honey?", "Explain
    /// how tides work", "Tell me about the origins of chess"), not for something the user is doing or choosing.
    /// </summary>
    public bool AsksForKnowledge { get; }

    /// <summary>Gets a value indicating whether the request says it is for the user themself ("films I could watch myself", "for myself").</summary>
    public bool IsForSelf { get; }

    /// <summary>Gets the slot values the request names (see <see cref="Contradiction"/>).</summary>
    public (int Slot, int Value)[] SlotValues { get; }

    /// <summary>Gets the quantities with units the request names.</summary>
    public (string Number, string Unit)[] Quantities { get; }

    /// <summary>Gets the stems of the words the request negates.</summary>
    public HashSet<string> Negated { get; }

    /// <summary>
    /// Finds the situation a request puts the user in — what it asks to be done, without what it is about: "Summarize this
    /// report" for "Summarize this report on river pollution", "Order me a taxi" for "Order me a taxi from the
    /// station to the harbour at six". A sentence embedding of the whole request is dominated by its topic, so it is far
    /// from the kinds of requests a preference affects ("summarizing a document"); its situation is close to them.
    /// </summary>
    /// <param name="text">The request.</param>
    /// <returns>
    /// For a request that starts with an imperative, its first sentence up to the first word that starts a complement or a
    /// clause, when that leaves out something and keeps a content word; otherwise <see langword="null"/>.
    /// </returns>
    public static string? Situation(string text)
    {
        Match match = SituationPattern().Match(text);
        if (!match.Success)
        {
            return null;
        }

        string situation = match.Groups["situation"].Value.Trim();
        return situation.Length < text.Trim().TrimEnd('.', '?', '!').Length && TextTools.ContentStems(situation).Count >= 1 ? situation : null;
    }

    // "How do/does …" about something other than the user ("How do I …" asks for help with what they do), "why", "explain",
    // "tell me about", "what does … mean", "what is the difference / history / meaning / origin", "who invented …".
    [GeneratedRegex(@"^\s*(?:how (?:do|does|did|is|are|was|were|can|could) (?!i\b|we\b|my\b|our\b)|why\b|explain\b|tell me about\b|what (?:does|do|did)\b.*\bmean\b|what(?:'s|s| is| are| was) the (?:difference|history|meaning|origin)|who (?:was|is|were|invented)\b)", RegexOptions.CultureInvariant)]
    private static partial Regex KnowledgeQuestionPattern();

    // An imperative (not a statement or a question: "I'm thinking about a holiday …", "What are some …"), two words at least, up to
    // a preposition, a relative or a conjunction that starts what the request is about.
    [GeneratedRegex(@"^\s*(?:(?:please|can you|could you|would you|i need you to|i want you to)\s+)?(?!(?:i|i'm|im|i'd|i've|we|we're|you|it|it's|there|what|what's|how|which|where|when|why|who|whose|is|are|am|was|were|do|does|did|should|would|could|can|will|my|our|the|a|an|this|that|these|those|any|some|just|also|so)\b)(?<situation>[^\s.?!;,:]+(?:\s+[^\s.?!;,:]+)+?)(?=\s+(?:about|on|regarding|from|to|for|in|at|with|near|along|during|before|after|by|under|that|which|who|where|when|while|so|because|and|but|if)\b|\s*[.?!;,:]|\s*$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SituationPattern();
}
