using System.Text.Json.Serialization;

namespace Penchant.Reactions;

/// <summary>The structured part of a <see cref="Domain.EventKind.Reaction"/> event (<see cref="Domain.PreferenceEvent.Data"/>), so a replay needs no classifier.</summary>
internal sealed class ReactionData
{
    [JsonPropertyName("label")]
    public ReactionLabel Label { get; set; }

    [JsonPropertyName("reason")]
    public string Reason { get; set; } = string.Empty;

    [JsonPropertyName("confidence")]
    public double Confidence { get; set; }

    [JsonPropertyName("wish")]
    public string? Wish { get; set; }

    [JsonPropertyName("request")]
    public string? Request { get; set; }

    [JsonPropertyName("applied")]
    public List<string> Applied { get; set; } = [];
}

/// <summary>Source-generated JSON for <see cref="ReactionData"/>.</summary>
[JsonSourceGenerationOptions(UseStringEnumConverter = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ReactionData))]
internal sealed partial class ReactionJsonContext : JsonSerializerContext;
