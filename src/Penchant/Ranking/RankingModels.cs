using System.Collections.Concurrent;
using Penchant.Storage;

namespace Penchant.Ranking;

/// <summary>The tenants' ranking models as stored, deserialized once per version.</summary>
/// <remarks>Thread-safe.</remarks>
internal sealed class RankingModels(UserStateCache states)
{
    /// <summary>The name under which the tenant's ranking model and each user's part are stored.</summary>
    public const string Name = "ranking";

    private readonly ConcurrentDictionary<string, (long Version, RewardModel Model)> _models = new(StringComparer.Ordinal);

    /// <summary>Reads the tenant's ranking model, deserializing only when its version changed.</summary>
    /// <returns>The model and its version; (<see langword="null"/>, 0) when none is trained.</returns>
    public async Task<(RewardModel? Model, long Version)> GetAsync(string tenantId, CancellationToken cancellationToken)
    {
        await states.EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        StoredModel? stored = await states.Store.GetModelAsync(tenantId, Name, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return (null, 0);
        }

        if (_models.TryGetValue(tenantId, out var cached) && cached.Version == stored.Version)
        {
            return (cached.Model, cached.Version);
        }

        RewardModel model = RewardModel.FromBytes(stored.Payload.Span);
        _models[tenantId] = (stored.Version, model);
        return (model, stored.Version);
    }

    /// <summary>Keeps a model just saved, so the next read needs no deserialization.</summary>
    public void Keep(string tenantId, long version, RewardModel model) => _models[tenantId] = (version, model);
}
