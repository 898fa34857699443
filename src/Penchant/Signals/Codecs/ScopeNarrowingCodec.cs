using System.Text.Json;

namespace Penchant.Signals.Codecs;

/// <summary>Encodes a <see cref="ScopeNarrowing"/>: the excluded situation as the entry's text, the preference id as its data.</summary>
internal sealed class ScopeNarrowingCodec : SignalCodec<ScopeNarrowing>
{
    /// <summary>The kind of a narrowing's entries.</summary>
    public static readonly EventKind NarrowingKind = EventKind.FromName("scope_narrowing");

    /// <inheritdoc/>
    public override EventKind Kind => NarrowingKind;

    /// <inheritdoc/>
    public override void Validate(ScopeNarrowing signal, SignalRules rules)
    {
        rules.Text(signal.PreferenceId, "preferenceId");
        rules.Text(signal.NotFor, "notFor");
    }

    /// <inheritdoc/>
    public override SignalEntry Encode(ScopeNarrowing signal)
        => new(
            signal.NotFor.Trim(),
            Data: JsonSerializer.Serialize(new ScopeNarrowingData(signal.PreferenceId.Trim()), RankingJsonContext.Default.ScopeNarrowingData));

    /// <inheritdoc/>
    public override ScopeNarrowing? Decode(PreferenceEvent entry)
        => SignalPayload.Read(entry.Data, RankingJsonContext.Default.ScopeNarrowingData) is { } data
            ? new ScopeNarrowing(data.PreferenceId, entry.Text ?? string.Empty, entry.At)
            : null;
}
