using System.Text.Json.Serialization;
using Penchant.Server.Contracts;

namespace Penchant.Server.Imports;

/// <summary>What is saved of an import between checkpoints (<c>state.json</c> beside the upload).</summary>
/// <param name="TenantId">The tenant.</param>
/// <param name="Progress">The progress up to <paramref name="Checkpoint"/>.</param>
/// <param name="Checkpoint">Every line up to this number was handled and is counted in <paramref name="Progress"/>.</param>
/// <param name="Batching">How the import cuts its batches; <see langword="null"/> in a state saved before imports were batched (one line per write).</param>
internal sealed record ImportState(string TenantId, ImportResponse Progress, long Checkpoint, ImportBatching? Batching = null);

/// <summary>Source-generated JSON of <see cref="ImportState"/>.</summary>
[JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ImportState))]
internal sealed partial class ImportStateJsonContext : JsonSerializerContext;
