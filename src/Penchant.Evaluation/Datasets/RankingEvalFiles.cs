using System.Text.Json;
using System.Text.Json.Serialization;

namespace Penchant.Evaluation.Datasets;

/// <summary>One item of PrefEval's <c>mcq_options/&lt;topic&gt;.json</c> (other fields are ignored).</summary>
internal sealed class McqItemLine
{
    public string? Preference { get; set; }

    public string? Question { get; set; }

    [JsonPropertyName("classification_task_options")]
    public List<string>? Options { get; set; }
}

/// <summary>One line of a ranking cases file: <c>{"id", "statements", "request", "candidates", "best"}</c> (other fields are ignored).</summary>
internal sealed class RankingCaseLine
{
    public string? Id { get; set; }

    public List<JsonElement>? Statements { get; set; }

    public string? Request { get; set; }

    public List<string>? Candidates { get; set; }

    public int? Best { get; set; }
}

/// <summary>One line of an HH-RLHF split: the whole conversation ending with the chosen and with the rejected response.</summary>
internal sealed class HhRlhfLine
{
    public string? Chosen { get; set; }

    public string? Rejected { get; set; }
}

/// <summary>Source-generated JSON for the ranking evaluations' inputs.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(List<McqItemLine?>))]
[JsonSerializable(typeof(RankingCaseLine))]
[JsonSerializable(typeof(HhRlhfLine))]
[JsonSerializable(typeof(McqFeatureLine))]
internal sealed partial class RankingEvalJsonContext : JsonSerializerContext;
