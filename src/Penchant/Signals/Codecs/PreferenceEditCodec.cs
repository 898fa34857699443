using System.Text.Json;

namespace Penchant.Signals.Codecs;

/// <summary>
/// Encodes a <see cref="PreferenceEdit"/>: the new text as the entry's text (the preference id when the text is kept, since
/// learners only read entries with a text), the new scope as its scope, the preference id, strength and flags as its data.
/// </summary>
internal sealed class PreferenceEditCodec : SignalCodec<PreferenceEdit>
{
    /// <summary>The kind of an edit's entries.</summary>
    public static readonly EventKind EditKind = EventKind.FromName("preference_edit");

    /// <inheritdoc/>
    public override EventKind Kind => EditKind;

    /// <inheritdoc/>
    public override void Validate(PreferenceEdit signal, SignalRules rules)
    {
        rules.Text(signal.PreferenceId, "preferenceId");
        if (signal.Text is not null)
        {
            rules.Text(signal.Text, "text");
        }

        if (!string.IsNullOrWhiteSpace(signal.Scope))
        {
            rules.OptionalText(signal.Scope, "scope");
        }

        if (signal.Strength is { } strength && (!double.IsFinite(strength) || strength < 0 || strength > 1))
        {
            throw new ArgumentException("The strength must be between 0 and 1.", "strength");
        }

        if (signal.Text is null && signal.Scope is null && signal.Strength is null)
        {
            throw new ArgumentException("An edit needs at least one of text, scope or strength.", "preferenceEdit");
        }
    }

    /// <inheritdoc/>
    public override SignalEntry Encode(PreferenceEdit signal)
        => new(
            signal.Text?.Trim() ?? signal.PreferenceId.Trim(),
            Scope: string.IsNullOrWhiteSpace(signal.Scope) ? null : signal.Scope.Trim(),
            Data: JsonSerializer.Serialize(
                new PreferenceEditData(signal.PreferenceId.Trim(), signal.Strength, signal.Text is not null, signal.Scope is not null && string.IsNullOrWhiteSpace(signal.Scope)),
                RankingJsonContext.Default.PreferenceEditData));

    /// <inheritdoc/>
    public override PreferenceEdit? Decode(PreferenceEvent entry)
        => SignalPayload.Read(entry.Data, RankingJsonContext.Default.PreferenceEditData) is { } data
            ? new PreferenceEdit(data.PreferenceId, data.NewText ? entry.Text : null, data.ClearScope ? string.Empty : entry.Scope, data.Strength, entry.At)
            : null;
}
