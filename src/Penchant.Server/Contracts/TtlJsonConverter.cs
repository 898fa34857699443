using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Penchant.Server.Contracts;

/// <summary>Reads a time to live given as a JSON string (<c>"P7D"</c>) or a number of seconds (<c>604800</c>) as its text.</summary>
public sealed class TtlJsonConverter : JsonConverter<string?>
{
    /// <inheritdoc/>
    public override bool HandleNull => false;

    /// <inheritdoc/>
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number when reader.TryGetInt64(out long seconds) => seconds.ToString(CultureInfo.InvariantCulture),
        _ => throw new JsonException("A time to live is an ISO-8601 duration string such as \"P7D\" or a whole number of seconds."),
    };

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }
}
