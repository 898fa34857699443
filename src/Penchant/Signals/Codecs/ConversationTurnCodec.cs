namespace Penchant.Signals.Codecs;

/// <summary>A <see cref="ConversationTurn"/>: its content, and its role in lower case.</summary>
internal sealed class ConversationTurnCodec : SignalCodec<ConversationTurn>
{
    public override EventKind Kind => EventKind.Turn;

    // Keys given to the service's observe endpoint before the engine kept them name the same events.
    public override string Operation => "observe";

    public override void Validate(ConversationTurn signal, SignalRules rules)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(signal.Role, "turns");
        rules.Text(signal.Content, "turns");
    }

    public override SignalEntry Encode(ConversationTurn signal) => new(signal.Content, Role: signal.Role.ToLowerInvariant());

    public override ConversationTurn? Decode(PreferenceEvent entry)
        => entry.Text is null || entry.Role is null ? null : new ConversationTurn(entry.Role, entry.Text, entry.At);
}
