using System.Text.Json;
using Penchant.Deciding;

namespace Penchant.Signals.Codecs;

/// <summary>A <see cref="Reward"/>: the decision's identifier as text, the value and slot as data.</summary>
internal sealed class RewardCodec : SignalCodec<Reward>
{
    public static EventKind RewardKind { get; } = EventKind.FromName("reward");

    public override EventKind Kind => RewardKind;

    public override void Validate(Reward signal, SignalRules rules)
    {
        DecisionInputs.ValidateId(signal.DecisionId, "reward");
        if (!double.IsFinite(signal.Value))
        {
            throw new ArgumentException("A reward is a finite number.", "reward");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(signal.Slot, "reward");
    }

    public override SignalEntry Encode(Reward signal)
        => new(signal.DecisionId, Data: JsonSerializer.Serialize(new RewardData(signal.DecisionId, signal.Value, signal.Slot), DecidingJsonContext.Default.RewardData));

    public override Reward? Decode(PreferenceEvent entry) => Read(entry);

    /// <summary>Reads a reward entry's data (the codec's decoding, for readers without the registered codecs).</summary>
    public static Reward? Read(PreferenceEvent entry)
        => entry.Text is not null && SignalPayload.Read(entry.Data, DecidingJsonContext.Default.RewardData) is { } data
            ? new Reward(data.Id, data.Value, data.Slot, entry.At)
            : null;
}
