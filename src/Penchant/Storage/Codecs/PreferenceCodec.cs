using System.Text.Json;
using Penchant.Domain;

namespace Penchant.Storage.Codecs;

/// <summary>
/// The stored form of a <see cref="Preference"/> every store shares: its fields other than the identifier and the
/// embedding as one JSON document (the embedding goes through <see cref="EmbeddingBlob"/>), so that two stores hold the
/// same bytes and a store changes format only with its schema version.
/// </summary>
/// <remarks>Thread-safe. The JSON holds user content (the preference's text and scope).</remarks>
public static class PreferenceCodec
{
    /// <summary>Writes a preference's fields, but its identifier and embedding, as JSON.</summary>
    /// <param name="preference">The preference.</param>
    /// <returns>The JSON document.</returns>
    public static string ToJson(Preference preference)
    {
        ArgumentNullException.ThrowIfNull(preference);
        return JsonSerializer.Serialize(PreferencePayload.From(preference), PayloadJsonContext.Default.PreferencePayload);
    }

    /// <summary>Reads a preference back from its JSON, identifier and embedding.</summary>
    /// <param name="id">The identifier.</param>
    /// <param name="json">The JSON written by <see cref="ToJson"/>.</param>
    /// <param name="embedding">The embedding; empty when none was stored.</param>
    /// <returns>The preference.</returns>
    /// <exception cref="PenchantException">The JSON is empty or malformed.</exception>
    public static Preference FromJson(string id, string json, ReadOnlyMemory<float> embedding)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(json);
        PreferencePayload? payload;
        try
        {
            payload = JsonSerializer.Deserialize(json, PayloadJsonContext.Default.PreferencePayload);
        }
        catch (JsonException ex)
        {
            throw new PenchantException($"The stored preference '{id}' is not valid JSON.", ex);
        }

        return (payload ?? throw new PenchantException("A stored preference has an empty payload.")).ToPreference(id, embedding);
    }
}
