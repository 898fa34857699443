using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Penchant.Deciding;

namespace Penchant.Server.Contracts;

/// <summary>
/// Reads a <see cref="FeatureObject"/> token by token (no <see cref="JsonElement"/> or document in between): a string is a
/// category (<c>name=value</c> with value 1), a number is numeric, a boolean a category, a nested object prefixes its names
/// with <c>parent.</c>, an array is indexed (<c>name[i]</c>); nulls are skipped. A value that is not an object is skipped
/// and marked (<see cref="FeatureObject.IsObject"/>), so the route names the field in its own words.
/// </summary>
internal sealed class FeatureObjectConverter : JsonConverter<FeatureObject>
{
    // Feature names (a request's schema: "price", "category", never its values) repeat in every action of every request, so
    // the names met first are kept and shared rather than allocated again for each action: at most MaxNames of at most
    // MaxNameLength characters, so a caller sending new names costs a bounded amount of memory.
    private const int MaxNames = 4096;
    private const int MaxNameLength = 64;

    private static readonly FeatureObject NotAnObject = new([], isObject: false);
    private static readonly ConcurrentDictionary<string, string> Names = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> NameLookup = Names.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <inheritdoc/>
    public override FeatureObject Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return NotAnObject;
        }

        var features = new List<Feature>(8);
        ReadObject(ref reader, null, features);
        return new FeatureObject(features, isObject: true);
    }

    /// <inheritdoc/>
    /// <remarks>Writes the features as one flat object of numbers (a category as its <c>name=value</c> with 1).</remarks>
    public override void Write(Utf8JsonWriter writer, FeatureObject value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        foreach (Feature feature in value.Features)
        {
            writer.WriteNumber(feature.Name, feature.Value);
        }

        writer.WriteEndObject();
    }

    private static void ReadObject(ref Utf8JsonReader reader, string? prefix, List<Feature> features)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string name = ReadName(ref reader);
            reader.Read();
            ReadValue(ref reader, prefix is null ? name : $"{prefix}.{name}", features);
        }
    }

    private static string ReadName(ref Utf8JsonReader reader)
    {
        int length = reader.HasValueSequence ? int.MaxValue : reader.ValueSpan.Length;
        if (length > MaxNameLength)
        {
            return reader.GetString()!;
        }

        // An unescaped name has at most as many characters as bytes (an escaped one fewer).
        Span<char> chars = stackalloc char[MaxNameLength];
        ReadOnlySpan<char> name = chars[..reader.CopyString(chars)];
        if (NameLookup.TryGetValue(name, out string? known))
        {
            return known;
        }

        string created = name.ToString();
        if (Names.Count < MaxNames)
        {
            Names.TryAdd(created, created);
        }

        return created;
    }

    private static void ReadValue(ref Utf8JsonReader reader, string name, List<Feature> features)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                ReadObject(ref reader, name, features);
                return;
            case JsonTokenType.StartArray:
                int index = 0;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    ReadValue(ref reader, string.Create(CultureInfo.InvariantCulture, $"{name}[{index++}]"), features);
                }

                return;
            case JsonTokenType.Number:
                features.Add(new Feature(name, reader.GetDouble()));
                return;
            case JsonTokenType.True:
                features.Add(Feature.Category(name, "true"));
                return;
            case JsonTokenType.False:
                features.Add(Feature.Category(name, "false"));
                return;
            case JsonTokenType.String:
                features.Add(Feature.Category(name, reader.GetString()!));
                return;
            default:
                return;
        }
    }
}
