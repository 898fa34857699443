using System.Text.Json;

namespace Penchant.Signals.Codecs;

/// <summary>A <see cref="Comparison"/>: the context as text, the two responses and the magnitude as data.</summary>
internal sealed class ComparisonCodec : SignalCodec<Comparison>
{
    public override EventKind Kind => EventKind.Comparison;

    public override void Validate(Comparison signal, SignalRules rules)
    {
        rules.Text(signal.Context, "comparison");
        rules.Text(signal.Preferred, "comparison");
        rules.Text(signal.Rejected, "comparison");
        if (!Enum.IsDefined(signal.Magnitude))
        {
            throw new ArgumentException($"The magnitude {(int)signal.Magnitude} is not one of {string.Join(", ", Enum.GetNames<ComparisonMagnitude>())}.", "comparison");
        }
    }

    public override SignalEntry Encode(Comparison signal)
        => new(signal.Context.Trim(), Data: JsonSerializer.Serialize(new ComparisonData(signal.Preferred, signal.Rejected, (int)signal.Magnitude), RankingJsonContext.Default.ComparisonData));

    public override Comparison? Decode(PreferenceEvent entry)
        => entry.Text is not null && SignalPayload.Read(entry.Data, RankingJsonContext.Default.ComparisonData) is { } data
            ? new Comparison(entry.Text, data.Preferred, data.Rejected, (ComparisonMagnitude)data.Magnitude, entry.At)
            : null;
}
