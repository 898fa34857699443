using System.Text.Json;
using System.Text.Json.Serialization;

namespace Penchant.Evaluation.Datasets;

/// <summary>Source-generated JSON for the selection and PrefEval inputs (cases, PrefEval files).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SelectionCaseLine))]
[JsonSerializable(typeof(List<PrefEvalItemLine?>))]
[JsonSerializable(typeof(List<FillerConversationLine?>))]
internal sealed partial class DatasetJsonContext : JsonSerializerContext;
