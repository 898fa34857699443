using System.Text;
using Microsoft.Extensions.AI;

namespace Penchant.Storage;

/// <summary>
/// Records in a store which embedding model (and precision) wrote its vectors, and refuses to open it with another: the
/// similarities the gate learned from are only comparable between vectors of one model, so the CLI and the service must
/// agree on it. The record is a tenant-level model of the reserved tenant <see cref="ReservedTenant"/>.
/// </summary>
/// <remarks>Thread-safe. Hosts call <see cref="EnsureAsync"/> once when they open a store.</remarks>
public static class StoreEmbeddings
{
    /// <summary>The tenant identifier under which store-wide records are kept (not a tenant an application can create: it holds a colon).</summary>
    public const string ReservedTenant = "penchant:store";

    /// <summary>The model name of the record.</summary>
    public const string RecordName = "embedding-model";

    /// <summary>Describes an embedding generator as <c>provider/model/dimensions</c> from its metadata.</summary>
    /// <param name="generator">The generator.</param>
    /// <returns>The description, for example <c>penchant-minilm/all-MiniLM-L6-v2-int8/384</c>.</returns>
    public static string Describe(IEmbeddingGenerator<string, Embedding<float>> generator)
    {
        ArgumentNullException.ThrowIfNull(generator);
        EmbeddingGeneratorMetadata? metadata = generator.GetService<EmbeddingGeneratorMetadata>();
        return $"{metadata?.ProviderName ?? generator.GetType().Name}/{metadata?.DefaultModelId ?? "unknown"}/{metadata?.DefaultModelDimensions?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"}";
    }

    /// <summary>Reads which embedding model a store records, if any.</summary>
    /// <param name="store">The store.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The description written by <see cref="EnsureAsync"/>, or <see langword="null"/> for a store that records none.</returns>
    public static async Task<string?> ReadAsync(IPreferenceStore store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        StoredModel? record = await store.GetModelAsync(ReservedTenant, RecordName, cancellationToken).ConfigureAwait(false);
        return record is null ? null : Encoding.UTF8.GetString(record.Payload.Span);
    }

    /// <summary>Records the embedding model in a store that records none, or checks that it is the one the store records.</summary>
    /// <param name="store">The store.</param>
    /// <param name="description">The model in use (see <see cref="Describe"/>).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the store records <paramref name="description"/>.</returns>
    /// <exception cref="PenchantException">The store records another model; the message names both.</exception>
    public static async Task EnsureAsync(IPreferenceStore store, string description, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        for (int attempt = 0; ; attempt++)
        {
            string? recorded = await ReadAsync(store, cancellationToken).ConfigureAwait(false);
            if (recorded is not null)
            {
                if (!string.Equals(recorded, description, StringComparison.Ordinal))
                {
                    throw new PenchantException(
                        $"This store's vectors were written by the embedding model '{recorded}', but it is being opened with '{description}'. " +
                        "Open it with the same model and precision (the CLI's --precision, the service's Penchant:Embeddings:Precision), or use another database.");
                }

                return;
            }

            try
            {
                await store.SaveModelAsync(ReservedTenant, RecordName, Encoding.UTF8.GetBytes(description), 0, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (ConcurrencyException) when (attempt == 0)
            {
                // Another process recorded it first: check against what it wrote.
            }
        }
    }
}
