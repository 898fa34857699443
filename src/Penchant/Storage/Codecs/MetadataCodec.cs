using System.Text.Json;
using Penchant.Domain;

namespace Penchant.Storage.Codecs;

/// <summary>The stored form of a signal's metadata every store shares: a JSON object of strings, or nothing for none.</summary>
/// <remarks>Thread-safe. The JSON may hold user content.</remarks>
public static class MetadataCodec
{
    /// <summary>Writes metadata as a JSON object.</summary>
    /// <param name="metadata">The metadata.</param>
    /// <returns>The JSON, or <see langword="null"/> when there is none.</returns>
    public static string? ToJson(IReadOnlyDictionary<string, string>? metadata)
        => metadata is null || metadata.Count == 0
            ? null
            : JsonSerializer.Serialize(new Dictionary<string, string>(metadata, StringComparer.Ordinal), PayloadJsonContext.Default.DictionaryStringString);

    /// <summary>Reads metadata back from what <see cref="ToJson"/> wrote.</summary>
    /// <param name="json">The JSON, or <see langword="null"/>.</param>
    /// <returns>The metadata; <see cref="PreferenceMetadata.Empty"/> for none.</returns>
    /// <exception cref="PenchantException">The JSON is malformed.</exception>
    public static IReadOnlyDictionary<string, string> FromJson(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return PreferenceMetadata.Empty;
        }

        try
        {
            return PreferenceMetadata.Freeze(JsonSerializer.Deserialize(json, PayloadJsonContext.Default.DictionaryStringString));
        }
        catch (JsonException ex)
        {
            throw new PenchantException("Stored metadata is not a JSON object of strings.", ex);
        }
    }
}
