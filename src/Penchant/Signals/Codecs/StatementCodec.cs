namespace Penchant.Signals.Codecs;

/// <summary>A <see cref="Statement"/>: its text and scope, trimmed.</summary>
internal sealed class StatementCodec : SignalCodec<Statement>
{
    public override EventKind Kind => EventKind.Statement;

    // Keys given to the service's remember endpoint before the engine kept them name the same events.
    public override string Operation => "remember";

    public override void Validate(Statement signal, SignalRules rules)
    {
        rules.Text(signal.Text, "statement");
        rules.OptionalText(signal.Scope, "statement");
    }

    public override SignalEntry Encode(Statement signal) => new(signal.Text.Trim(), Scope: signal.Scope?.Trim());

    public override Statement? Decode(PreferenceEvent entry) => entry.Text is null ? null : new Statement(entry.Text, entry.At, entry.Scope);
}
