using System.Text.Json;

namespace Penchant.Signals.Codecs;

/// <summary>
/// Encodes a <see cref="PrincipleVerdict"/>: the correction (or, for the other verdicts, the principle's identifier, since
/// learners only read entries with a text) as the entry's text, the principle's identifier and the verdict as its data.
/// </summary>
internal sealed class PrincipleVerdictCodec : SignalCodec<PrincipleVerdict>
{
    /// <summary>The kind of a verdict's entries.</summary>
    public static readonly EventKind VerdictKind = EventKind.FromName("principle_verdict");

    /// <inheritdoc/>
    public override EventKind Kind => VerdictKind;

    /// <inheritdoc/>
    public override void Validate(PrincipleVerdict signal, SignalRules rules)
    {
        rules.Text(signal.PrincipleId, "principleId");
        if (!Enum.IsDefined(signal.Verdict))
        {
            throw new ArgumentException("The verdict must be confirm, correct or delete.", "verdict");
        }

        if (signal.Verdict == PrincipleVerdictKind.Correct)
        {
            rules.Text(signal.Correction, "correction");
        }
        else if (signal.Correction is not null)
        {
            throw new ArgumentException("Only a correction carries a text.", "correction");
        }
    }

    /// <inheritdoc/>
    public override SignalEntry Encode(PrincipleVerdict signal)
        => new(
            signal.Correction?.Trim() ?? signal.PrincipleId.Trim(),
            Data: JsonSerializer.Serialize(new PrincipleVerdictData(signal.PrincipleId.Trim(), signal.Verdict), RankingJsonContext.Default.PrincipleVerdictData));

    /// <inheritdoc/>
    public override PrincipleVerdict? Decode(PreferenceEvent entry)
        => SignalPayload.Read(entry.Data, RankingJsonContext.Default.PrincipleVerdictData) is { } data
            ? new PrincipleVerdict(data.PrincipleId, data.Verdict, data.Verdict == PrincipleVerdictKind.Correct ? entry.Text : null, entry.At)
            : null;
}
