using System.Collections.Concurrent;
using Penchant.Domain;
using Penchant.Signals;
using Penchant.Storage;

namespace Penchant.Recommending;

/// <summary>
/// Sequential recommendation: what a user is likely to choose next, from the order of the user's past choices and the
/// tenant's next-item model trained over every user's sequence. Added by
/// <see cref="DependencyInjection.PenchantBuilder.AddSequenceRecommendation"/>; resolve it from the container.
/// </summary>
/// <remarks>
/// Each <see cref="Choice"/> recorded appends its chosen candidate to the user's sequence (as a key, not text);
/// <see cref="TrainAsync"/> rebuilds the tenant's model from the logs. Thread-safe.
/// </remarks>
public sealed class SequenceQuery
{
    /// <summary>The name under which a tenant's next-item model is stored.</summary>
    public const string ModelName = "next-item";

    private const int MaxSaveAttempts = 5;
    private readonly UserStateCache _states;
    private readonly SignalCodecs _codecs;
    private readonly NextItemOptions _options;
    private readonly ConcurrentDictionary<string, (long Version, NextItemCatalog Catalog)> _catalogs = new(StringComparer.Ordinal);

    internal SequenceQuery(UserStateCache states, SignalCodecs codecs, NextItemOptions options)
    {
        _states = states;
        _codecs = codecs;
        _options = options;
    }

    /// <summary>Recommends the items the user is most likely to choose next, leaving out items the user already chose.</summary>
    /// <param name="user">The user.</param>
    /// <param name="count">How many items at most (1 to 1,000).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>
    /// The items, best first. Empty until the tenant's model is trained. A user with no choices yet gets the items chosen
    /// most often.
    /// </returns>
    /// <exception cref="ArgumentException">The user key is not valid.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is outside 1 to 1,000.</exception>
    public async Task<IReadOnlyList<NextItem>> RecommendNextAsync(UserKey user, int count = 10, CancellationToken cancellationToken = default)
    {
        user.Validate();
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, 1000);
        if (await GetCatalogAsync(user.TenantId, cancellationToken).ConfigureAwait(false) is not { } catalog)
        {
            return [];
        }

        StoredModel? part = await _states.Store.GetUserModelAsync(user, UserSequence.Name, cancellationToken).ConfigureAwait(false);
        UserSequence sequence = part is null ? UserSequence.Empty() : UserSequence.FromBytes(part.Payload.Span);
        return catalog.Recommend(sequence.Keys, count);
    }

    /// <summary>Trains the tenant's next-item model from every user's choices, in log order, and saves it.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>What training saw and saved.</returns>
    public async Task<SequenceTrainingReport> TrainAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        await _states.EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        IPreferenceStore store = _states.Store;
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        var items = new List<string>();
        var sequences = new List<int[]>();
        int choices = 0;
        await foreach (string userId in store.ListUsersAsync(tenantId, cancellationToken).ConfigureAwait(false))
        {
            var sequence = new List<int>();
            await foreach (PreferenceEvent entry in store.ReadEventsAsync(new UserKey(tenantId, userId), 0, cancellationToken).ConfigureAwait(false))
            {
                if (entry.Kind != EventKind.Choice || entry.Redacted || _codecs.Decode<Choice>(entry) is not { } choice
                    || choice.Chosen < 0 || choice.Chosen >= choice.Candidates.Count)
                {
                    continue;
                }

                string item = choice.Candidates[choice.Chosen].Trim();
                if (!numbers.TryGetValue(item, out int number))
                {
                    number = items.Count;
                    numbers[item] = number;
                    items.Add(item);
                }

                sequence.Add(number);
            }

            if (sequence.Count > 0)
            {
                sequences.Add([.. sequence]);
                choices += sequence.Count;
            }
        }

        if (sequences.Count == 0)
        {
            return new SequenceTrainingReport(0, 0, 0, 0, 0);
        }

        var catalog = new NextItemCatalog(items, NextItemTrainer.Train(sequences, items.Count, _options, cancellationToken));
        byte[] payload = catalog.ToBytes();
        for (int attempt = 1; ; attempt++)
        {
            StoredModel? previous = await store.GetModelAsync(tenantId, ModelName, cancellationToken).ConfigureAwait(false);
            try
            {
                long version = await store.SaveModelAsync(tenantId, ModelName, payload, previous?.Version ?? 0, cancellationToken).ConfigureAwait(false);
                _catalogs[tenantId] = (version, catalog);
                return new SequenceTrainingReport(sequences.Count, items.Count, choices, catalog.Model.LinkCount, version);
            }
            catch (ConcurrencyException) when (attempt < MaxSaveAttempts)
            {
                // Another training saved in between: save over it, the newer logs are what this one read.
            }
        }
    }

    private async Task<NextItemCatalog?> GetCatalogAsync(string tenantId, CancellationToken cancellationToken)
    {
        await _states.EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        StoredModel? stored = await _states.Store.GetModelAsync(tenantId, ModelName, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return null;
        }

        if (_catalogs.TryGetValue(tenantId, out var cached) && cached.Version == stored.Version)
        {
            return cached.Catalog;
        }

        NextItemCatalog catalog = NextItemCatalog.FromBytes(stored.Payload.Span);
        _catalogs[tenantId] = (stored.Version, catalog);
        return catalog;
    }
}
