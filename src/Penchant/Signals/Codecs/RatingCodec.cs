using System.Text.Json;

namespace Penchant.Signals.Codecs;

/// <summary>A <see cref="Rating"/>: the context as text, the response, score, scale and attribute as data.</summary>
internal sealed class RatingCodec : SignalCodec<Rating>
{
    public override EventKind Kind => EventKind.Rating;

    public override void Validate(Rating signal, SignalRules rules)
    {
        rules.Text(signal.Context, "rating");
        rules.Text(signal.Response, "rating");
        if (!double.IsFinite(signal.Minimum) || !double.IsFinite(signal.Maximum) || signal.Maximum <= signal.Minimum)
        {
            throw new ArgumentException("The rating scale needs a finite minimum below a finite maximum.", "rating");
        }

        if (!double.IsFinite(signal.Score) || signal.Score < signal.Minimum || signal.Score > signal.Maximum)
        {
            throw new ArgumentException("The score must lie on the rating scale.", "rating");
        }

        rules.OptionalText(signal.Attribute, "rating");
    }

    public override SignalEntry Encode(Rating signal)
        => new(
            signal.Context.Trim(),
            Data: JsonSerializer.Serialize(new RatingData(signal.Response, signal.Score, signal.Minimum, signal.Maximum, signal.Attribute?.Trim().ToLowerInvariant()), RankingJsonContext.Default.RatingData));

    public override Rating? Decode(PreferenceEvent entry)
        => entry.Text is not null && SignalPayload.Read(entry.Data, RankingJsonContext.Default.RatingData) is { } data
            ? new Rating(entry.Text, data.Response, data.Score, data.Minimum, data.Maximum, data.Attribute, entry.At)
            : null;
}
