using System.Text.Json;
using System.Text.Json.Serialization;

namespace Penchant.Signals;

/// <summary>Writes an <see cref="EventKind"/> as its name and reads a name (or a legacy integer code) back.</summary>
public sealed class EventKindJsonConverter : JsonConverter<EventKind>
{
    /// <inheritdoc/>
    public override EventKind Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out int code) && code >= 0 && code <= 6)
        {
            return EventKind.FromCode(code);
        }

        if (reader.TokenType == JsonTokenType.String && EventKind.TryFromName(reader.GetString(), out EventKind kind))
        {
            return kind;
        }

        throw new JsonException("An event kind is a lowercase name such as \"statement\", \"turn\", \"comparison\".");
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, EventKind value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.Name);
    }
}
