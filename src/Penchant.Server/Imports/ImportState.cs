using System.Text.Json.Serialization;
using Penchant.Server.Contracts;

namespace Penchant.Server.Imports;

/// <summary>What is saved of an import between checkpoints (<c>state.json</c> beside the upload).</summary>
/// <param name="TenantId">The tenant.</param>
/// <param name="Progress">The progress up to <paramref name="Checkpoint"/>.</param>
/// <param name="Checkpoint">Every line up to this number was handled and is counted in <paramref name="Progress"/>.</param>
internal sealed record ImportState(string TenantId, ImportResponse Progress, long Checkpoint);

/// <summary>Source-generated JSON of <see cref="ImportState"/>.</summary>
[JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ImportState))]
internal sealed partial class ImportStateJsonContext : JsonSerializerContext;
