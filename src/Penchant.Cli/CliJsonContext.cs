using System.Text.Json;
using System.Text.Json.Serialization;
using Penchant.Cli.Evaluation;
using Penchant.Cli.Output;

namespace Penchant.Cli;

/// <summary>Source-generated JSON for the CLI's own shapes: evaluation inputs (cases, PrefEval files) and reports.</summary>
/// <remarks>The wire contract and the event log use <see cref="Server.Contracts.PenchantJsonContext"/>, shared with the service.</remarks>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SelectionCaseLine))]
[JsonSerializable(typeof(List<PrefEvalItemLine?>))]
[JsonSerializable(typeof(List<FillerConversationLine?>))]
[JsonSerializable(typeof(SelectionReportJson))]
[JsonSerializable(typeof(PrefEvalReportJson))]
[JsonSerializable(typeof(ForgottenJson))]
[JsonSerializable(typeof(ExportedJson))]
[JsonSerializable(typeof(HygieneReport))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
