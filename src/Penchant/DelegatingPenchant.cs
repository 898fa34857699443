using System.Runtime.CompilerServices;
using Penchant.Domain;
using Penchant.Searching;
using Penchant.Signals;

namespace Penchant;

/// <summary>
/// An <see cref="IPenchant"/> that passes every call to an inner engine: derive from it and override only what a
/// decorator changes (caching, auditing, policy), as <c>DelegatingChatClient</c> does for chat clients.
/// </summary>
/// <param name="innerPenchant">The engine calls are passed to.</param>
public abstract class DelegatingPenchant(IPenchant innerPenchant) : IPenchant
{
    /// <summary>Gets the engine calls are passed to.</summary>
    protected IPenchant InnerPenchant { get; } = innerPenchant ?? throw new ArgumentNullException(nameof(innerPenchant));

    /// <inheritdoc/>
    public virtual Task<WriteResult> RecordAsync(UserKey user, IReadOnlyList<Signal> signals, string? idempotencyKey = null, CancellationToken cancellationToken = default)
        => InnerPenchant.RecordAsync(user, signals, idempotencyKey, cancellationToken);

    /// <inheritdoc/>
    public virtual Task<IReadOnlyList<Preference>> ListAsync(UserKey user, CancellationToken cancellationToken = default)
        => InnerPenchant.ListAsync(user, cancellationToken);

    /// <inheritdoc/>
    public virtual Task<IReadOnlyList<Preference>> HistoryAsync(UserKey user, CancellationToken cancellationToken = default)
        => InnerPenchant.HistoryAsync(user, cancellationToken);

    /// <inheritdoc/>
    public virtual Task<IReadOnlyList<Preference>> ListAsync(UserKey user, MetadataFilter filter, CancellationToken cancellationToken = default)
        => InnerPenchant.ListAsync(user, filter, cancellationToken);

    /// <inheritdoc/>
    public virtual Task<IReadOnlyList<Preference>> HistoryAsync(UserKey user, MetadataFilter filter, CancellationToken cancellationToken = default)
        => InnerPenchant.HistoryAsync(user, filter, cancellationToken);

    /// <inheritdoc/>
    public virtual Task ForgetAsync(UserKey user, string preferenceId, CancellationToken cancellationToken = default)
        => InnerPenchant.ForgetAsync(user, preferenceId, cancellationToken);

    /// <inheritdoc/>
    public virtual Task<int> RemoveExpiredAsync(CancellationToken cancellationToken = default)
        => InnerPenchant.RemoveExpiredAsync(cancellationToken);

    /// <inheritdoc/>
    public virtual Task<bool> ForgetUserAsync(UserKey user, CancellationToken cancellationToken = default)
        => InnerPenchant.ForgetUserAsync(user, cancellationToken);

    /// <inheritdoc/>
    public virtual Task<IReadOnlyList<PreferenceMatch>> SearchAsync(UserKey user, PreferenceSearch search, CancellationToken cancellationToken = default)
        => InnerPenchant.SearchAsync(user, search, cancellationToken);

    /// <inheritdoc/>
    public virtual Task<Selection> SelectAsync(UserKey user, RequestContext request, CancellationToken cancellationToken = default)
        => InnerPenchant.SelectAsync(user, request, cancellationToken);

    /// <inheritdoc/>
    public virtual async IAsyncEnumerable<PreferenceEvent> ExportAsync(UserKey user, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (PreferenceEvent ev in InnerPenchant.ExportAsync(user, cancellationToken).ConfigureAwait(false))
        {
            yield return ev;
        }
    }

    /// <inheritdoc/>
    public virtual Task<WriteResult> ImportAsync(UserKey user, IReadOnlyList<PreferenceEvent> events, CancellationToken cancellationToken = default)
        => InnerPenchant.ImportAsync(user, events, cancellationToken);

    /// <inheritdoc/>
    public virtual Task<IReadOnlyList<Preference>> RebuildAsync(UserKey user, CancellationToken cancellationToken = default)
        => InnerPenchant.RebuildAsync(user, cancellationToken);

    /// <inheritdoc/>
    public virtual Task<CandidateRanking> RankAsync(UserKey user, RequestContext request, IReadOnlyList<string> candidates, CancellationToken cancellationToken = default)
        => InnerPenchant.RankAsync(user, request, candidates, cancellationToken);

    /// <inheritdoc/>
    public virtual Task<TrainingReport> TrainAsync(string tenantId, TrainingOptions? options = null, CancellationToken cancellationToken = default)
        => InnerPenchant.TrainAsync(tenantId, options, cancellationToken);

    /// <inheritdoc/>
    public virtual Task<IReadOnlyList<Principle>> ExplainAsync(UserKey user, CancellationToken cancellationToken = default)
        => InnerPenchant.ExplainAsync(user, cancellationToken);

    /// <inheritdoc/>
    public virtual Task<TenantExplanation> ExplainTenantAsync(string tenantId, CancellationToken cancellationToken = default)
        => InnerPenchant.ExplainTenantAsync(tenantId, cancellationToken);
}
