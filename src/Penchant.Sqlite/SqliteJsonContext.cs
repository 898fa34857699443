using System.Text.Json.Serialization;

namespace Penchant.Sqlite;

/// <summary>Source-generated JSON metadata for the stored preference payload (no reflection serialization).</summary>
[JsonSourceGenerationOptions(
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(PreferencePayload))]
internal sealed partial class SqliteJsonContext : JsonSerializerContext;
