using System.Text.Json.Serialization;

namespace Penchant.Evaluation.Evaluators;

/// <summary>Source-generated JSON for the scoped-feedback set.</summary>
[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(FeedbackCase))]
[JsonSerializable(typeof(NearScopePair))]
internal sealed partial class FeedbackJsonContext : JsonSerializerContext;
