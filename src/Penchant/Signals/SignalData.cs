using System.Text.Json.Serialization;

namespace Penchant.Signals;

/// <summary>The structured part of a comparison event (<see cref="Signals.PreferenceEvent.Data"/>); the context is the event's text.</summary>
internal sealed record ComparisonData(string Preferred, string Rejected, int Magnitude);

/// <summary>The structured part of a rating event.</summary>
internal sealed record RatingData(string Response, double Score, double Minimum, double Maximum, string? Attribute);

/// <summary>The structured part of a choice event.</summary>
internal sealed record ChoiceData(IReadOnlyList<string> Candidates, int Chosen);

/// <summary>Source-generated JSON for signal data (no reflection in the core library).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ComparisonData))]
[JsonSerializable(typeof(RatingData))]
[JsonSerializable(typeof(ChoiceData))]
internal sealed partial class RankingJsonContext : JsonSerializerContext;
