using System.Text.Json;
using System.Text.Json.Serialization;
using Penchant.Cli.Output;
using Penchant.Evaluation.Evaluators;

namespace Penchant.Cli;

/// <summary>Source-generated JSON for the CLI's own shapes: evaluation reports and command results without a wire shape.</summary>
/// <remarks>The wire contract and the event log use <see cref="Contracts.ContractJsonContext"/>, the service's shapes.</remarks>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SelectionReportJson))]
[JsonSerializable(typeof(PrefEvalReportJson))]
[JsonSerializable(typeof(ForgottenJson))]
[JsonSerializable(typeof(ExpiredJson))]
[JsonSerializable(typeof(ExportedJson))]
[JsonSerializable(typeof(HygieneReport))]
[JsonSerializable(typeof(ReactionReportJson))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
