using System.Text.Json;
using Penchant.Language;
using Penchant.Signals;

namespace Penchant.Learning.Feedback;

/// <summary>
/// A <see cref="Reaction"/>: the follow-up message as text, and as data its classification (made once, when it is
/// recorded, so a replay needs no classifier), the kind of request it reacted to and the preferences applied.
/// </summary>
internal sealed class ReactionCodec(IReactionClassifier classifier) : SignalCodec<Reaction>
{
    // The kind of request a correction reacted to is kept to this many characters.
    private const int MaxScopeLength = 160;

    public override EventKind Kind => EventKind.Reaction;

    public override async ValueTask<Reaction> PrepareAsync(Reaction signal, CancellationToken cancellationToken)
        => signal.Classification is not null
            ? signal
            : signal with { Classification = await classifier.ClassifyAsync(signal.Request, signal.Answer, signal.Turn, cancellationToken).ConfigureAwait(false) };

    public override void Validate(Reaction signal, SignalRules rules)
    {
        rules.Text(signal.Turn, "reaction");
        rules.OptionalText(signal.Request, "reaction");
        ArgumentNullException.ThrowIfNull(signal.AppliedPreferenceIds, "reaction");
    }

    public override SignalEntry Encode(Reaction signal)
    {
        ReactionClassification classification = signal.Classification ?? ReactionClassification.Neutral;
        var data = new ReactionData
        {
            Label = ReactionData.LabelName(classification.Label),
            Reason = classification.Reason,
            Confidence = classification.Confidence,
            Wish = classification.Label == ReactionLabel.Dissatisfied ? classification.Wish : null,
            Request = signal.Request is { } request ? ScopeOf(request) : null,
            Applied = [.. signal.AppliedPreferenceIds.Where(static id => !string.IsNullOrWhiteSpace(id)).Distinct(StringComparer.Ordinal)],
        };
        return new SignalEntry(signal.Turn, Role: ConversationTurn.UserRole, Data: JsonSerializer.Serialize(data, ReactionJsonContext.Default.ReactionData));
    }

    // The classification is derived (and a language model may classify a retry differently): a retry is the same turn,
    // request and applied preferences.
    public override bool IsSameRequest(PreferenceEvent stored, PreferenceEvent asked)
        => stored.Kind == asked.Kind
            && string.Equals(stored.Text, asked.Text, StringComparison.Ordinal)
            && Decode(stored) is { } before
            && Decode(asked) is { } retry
            && string.Equals(before.Request, retry.Request, StringComparison.Ordinal)
            && before.AppliedPreferenceIds.SequenceEqual(retry.AppliedPreferenceIds, StringComparer.Ordinal);

    public override Reaction? Decode(PreferenceEvent entry)
        => entry.Text is not null && SignalPayload.Read(entry.Data, ReactionJsonContext.Default.ReactionData) is { } data
            ? new Reaction(entry.Text)
            {
                Request = data.Request,
                AppliedPreferenceIds = data.Applied,
                Classification = new ReactionClassification(data.Parsed, data.Reason, data.Confidence, data.Wish),
                At = entry.At,
            }
            : null;

    /// <summary>The kind of request a correction reacted to: its first sentence, shortened.</summary>
    private static string ScopeOf(string request)
    {
        List<string> sentences = TextTools.Sentences(request);
        string first = (sentences.Count > 0 ? sentences[0] : request).Trim();
        return first.Length <= MaxScopeLength ? first : first[..MaxScopeLength].TrimEnd() + "…";
    }
}
