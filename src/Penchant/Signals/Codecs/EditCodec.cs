using System.Text.Json;

namespace Penchant.Signals.Codecs;

/// <summary>An <see cref="Edit"/>: the context as text, the output and the edited text as data.</summary>
internal sealed class EditCodec : SignalCodec<Edit>
{
    /// <summary>Gets the kind of edit entries.</summary>
    public static EventKind EditKind { get; } = EventKind.FromName("edit");

    public override EventKind Kind => EditKind;

    public override void Validate(Edit signal, SignalRules rules)
    {
        rules.Text(signal.Context, "edit");
        rules.Text(signal.Output, "edit");
        rules.Text(signal.Edited, "edit");
    }

    public override SignalEntry Encode(Edit signal)
        => new(signal.Context.Trim(), Data: JsonSerializer.Serialize(new EditData(signal.Output, signal.Edited), EditJsonContext.Default.EditData));

    public override Edit? Decode(PreferenceEvent entry)
        => entry.Text is not null && SignalPayload.Read(entry.Data, EditJsonContext.Default.EditData) is { } data
            ? new Edit(entry.Text, data.Output, data.Edited, entry.At)
            : null;
}
