using System.Text.Json.Serialization;

namespace Penchant.Signals;

/// <summary>The structured part of an edit event: the output and the user's edit of it; the context is the event's text.</summary>
internal sealed record EditData(string Output, string Edited);

/// <summary>Source-generated JSON for edit data (no reflection in the core library).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(EditData))]
internal sealed partial class EditJsonContext : JsonSerializerContext;
