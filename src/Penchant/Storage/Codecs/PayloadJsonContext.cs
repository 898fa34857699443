using System.Text.Json.Serialization;

namespace Penchant.Storage.Codecs;

/// <summary>Source-generated JSON metadata for the stored preference payload, shared by every store (no reflection serialization).</summary>
[JsonSourceGenerationOptions(
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(PreferencePayload))]
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class PayloadJsonContext : JsonSerializerContext;
