using Penchant.Deciding;

namespace Penchant.Signals.Codecs;

/// <summary>An <see cref="Activation"/>: the decision's identifier as text.</summary>
internal sealed class ActivationCodec : SignalCodec<Activation>
{
    public static EventKind ActivationKind { get; } = EventKind.FromName("activation");

    public override EventKind Kind => ActivationKind;

    public override void Validate(Activation signal, SignalRules rules) => DecisionInputs.ValidateId(signal.DecisionId, "activation");

    public override SignalEntry Encode(Activation signal) => new(signal.DecisionId);

    public override Activation? Decode(PreferenceEvent entry) => entry.Text is null ? null : new Activation(entry.Text, entry.At);
}
