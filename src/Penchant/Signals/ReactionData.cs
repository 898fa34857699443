using System.Text.Json.Serialization;

namespace Penchant.Signals;

/// <summary>The structured part of a <see cref="Signals.EventKind.Reaction"/> event (<see cref="Signals.PreferenceEvent.Data"/>), so a replay needs no classifier.</summary>
internal sealed class ReactionData
{
    /// <summary>Gets or sets the label in lowercase: <c>satisfied</c>, <c>dissatisfied</c> or <c>neutral</c>.</summary>
    [JsonPropertyName("label")]
    public string Label { get; set; } = "neutral";

    [JsonIgnore]
    public ReactionLabel Parsed => Label switch
    {
        "satisfied" => ReactionLabel.Satisfied,
        "dissatisfied" => ReactionLabel.Dissatisfied,
        _ => ReactionLabel.Neutral,
    };

    /// <summary>The lowercase name of a label, as stored and tagged.</summary>
    public static string LabelName(ReactionLabel label) => label switch
    {
        ReactionLabel.Satisfied => "satisfied",
        ReactionLabel.Dissatisfied => "dissatisfied",
        _ => "neutral",
    };

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
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ReactionData))]
internal sealed partial class ReactionJsonContext : JsonSerializerContext;
