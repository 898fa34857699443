using System.Text.Json.Serialization;

namespace Penchant.Signals;

/// <summary>The structured part of a comparison event (<see cref="Signals.PreferenceEvent.Data"/>); the context is the event's text.</summary>
internal sealed record ComparisonData(string Preferred, string Rejected, int Magnitude);

/// <summary>The structured part of a rating event.</summary>
internal sealed record RatingData(string Response, double Score, double Minimum, double Maximum, string? Attribute);

/// <summary>The structured part of a choice event.</summary>
internal sealed record ChoiceData(IReadOnlyList<string> Candidates, int Chosen);

/// <summary>The data of a preference edit's entry.</summary>
/// <param name="PreferenceId">The edited preference.</param>
/// <param name="Strength">The new strength, if changed.</param>
/// <param name="NewText">Whether the entry's text is a new text (otherwise it repeats the preference id, since learners only read entries with a text).</param>
/// <param name="ClearScope">Whether the edit makes the preference apply everywhere.</param>
internal sealed record PreferenceEditData(string PreferenceId, double? Strength, bool NewText, bool ClearScope);

/// <summary>The data of a principle verdict's entry.</summary>
/// <param name="PrincipleId">The principle judged.</param>
/// <param name="Verdict">The verdict.</param>
internal sealed record PrincipleVerdictData(string PrincipleId, PrincipleVerdictKind Verdict);

/// <summary>The data of a scope narrowing's entry (the situation excluded is the entry's text).</summary>
/// <param name="PreferenceId">The narrowed preference.</param>
internal sealed record ScopeNarrowingData(string PreferenceId);

/// <summary>Source-generated JSON for signal data (no reflection in the core library).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, UseStringEnumConverter = true)]
[JsonSerializable(typeof(ComparisonData))]
[JsonSerializable(typeof(RatingData))]
[JsonSerializable(typeof(ChoiceData))]
[JsonSerializable(typeof(PreferenceEditData))]
[JsonSerializable(typeof(PrincipleVerdictData))]
[JsonSerializable(typeof(ScopeNarrowingData))]
internal sealed partial class RankingJsonContext : JsonSerializerContext;
