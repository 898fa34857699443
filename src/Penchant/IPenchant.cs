using Penchant.Domain;
using Penchant.Searching;
using Penchant.Signals;

namespace Penchant;

/// <summary>
/// The preference engine: learns each user's preferences from every signal it records, and answers queries over what it
/// learned: which preferences apply to a request (select), how this user would order candidates (rank).
/// </summary>
/// <remarks>
/// Implementations are thread-safe. Writes for one user are ordered; a write is acknowledged only after it is durable.
/// Preference texts are user content: they appear in logs only at <c>Trace</c> level. To decorate an engine (caching,
/// logging, policy), derive from <see cref="DelegatingPenchant"/> and override only what changes.
/// </remarks>
public interface IPenchant
{
    /// <summary>
    /// Records signals about a user (statements, conversation turns, reactions, comparisons, ratings, choices, or a signal
    /// type an application registers) in the user's log, in order, and learns from them. Typed shortcuts such as
    /// <see cref="PenchantSignalExtensions.RememberAsync"/> call this.
    /// </summary>
    /// <param name="user">The user.</param>
    /// <param name="signals">The signals, oldest first; none is a write that changes nothing.</param>
    /// <param name="idempotencyKey">
    /// A key that makes the write happen at most once: a retry with the same key answers with the events the first write
    /// appended (<see cref="WriteResult.Replayed"/>) instead of writing again, across restarts and processes. 1 to 200
    /// printable ASCII characters; <see langword="null"/> for none.
    /// </param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>What changed, and the signals as recorded.</returns>
    /// <exception cref="ArgumentException">A signal is malformed (an empty or too long text, say), or the key is.</exception>
    /// <exception cref="InvalidOperationException">No codec is registered for a signal's type.</exception>
    /// <exception cref="IdempotencyKeyReusedException">The key was already used for a different request.</exception>
    Task<WriteResult> RecordAsync(UserKey user, IReadOnlyList<Signal> signals, string? idempotencyKey = null, CancellationToken cancellationToken = default);

    /// <summary>Lists the user's current preferences, oldest first.</summary>
    /// <param name="user">The user.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The current preferences; empty for an unknown user.</returns>
    Task<IReadOnlyList<Preference>> ListAsync(UserKey user, CancellationToken cancellationToken = default);

    /// <summary>Lists every preference the user has had, including superseded ones, oldest first.</summary>
    /// <param name="user">The user.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The preferences.</returns>
    Task<IReadOnlyList<Preference>> HistoryAsync(UserKey user, CancellationToken cancellationToken = default);

    /// <summary>Lists the user's current preferences that have not expired and whose metadata passes a filter, oldest first.</summary>
    /// <param name="user">The user.</param>
    /// <param name="filter">Which metadata the preferences must have; <see cref="MetadataFilter.None"/> lists them all.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The preferences; empty for an unknown user.</returns>
    /// <remarks>A filter is answered by the store's metadata index, reading only the preferences that pass it.</remarks>
    Task<IReadOnlyList<Preference>> ListAsync(UserKey user, MetadataFilter filter, CancellationToken cancellationToken = default);

    /// <summary>Lists every preference the user has had whose metadata passes a filter, including superseded ones, oldest first.</summary>
    /// <param name="user">The user.</param>
    /// <param name="filter">Which metadata the preferences must have; <see cref="MetadataFilter.None"/> lists them all.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The preferences.</returns>
    /// <remarks>A filter is answered by the store's metadata index, reading only the preferences that pass it.</remarks>
    Task<IReadOnlyList<Preference>> HistoryAsync(UserKey user, MetadataFilter filter, CancellationToken cancellationToken = default);

    /// <summary>Forgets one preference: removes it and erases the text of the signals it came from, so a rebuild cannot bring it back.</summary>
    /// <param name="user">The user.</param>
    /// <param name="preferenceId">The preference.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the deletion is durable.</returns>
    /// <exception cref="NotFoundException">The user has no such preference.</exception>
    Task ForgetAsync(UserKey user, string preferenceId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Forgets every expired preference of every user, as <see cref="ForgetAsync"/> forgets one: removes it and erases the
    /// text of the signals it came from. Expired preferences are no longer listed or selected even before this runs; a host
    /// calls it periodically (the service's background sweep, or <c>penchant expire</c>).
    /// </summary>
    /// <param name="cancellationToken">Cancels the operation; what was already forgotten stays forgotten.</param>
    /// <returns>How many preferences were forgotten.</returns>
    Task<int> RemoveExpiredAsync(CancellationToken cancellationToken = default);

    /// <summary>Deletes everything stored about a user.</summary>
    /// <param name="user">The user.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see langword="true"/> if the user existed.</returns>
    Task<bool> ForgetUserAsync(UserKey user, CancellationToken cancellationToken = default);

    /// <summary>
    /// Searches the user's current preferences for a free-text query ("what do you know about my diet?"): ranks them by
    /// meaning (sentence embeddings) and by words (BM25), fused by reciprocal rank fusion, without the applicability gate
    /// that <see cref="SelectAsync"/> applies.
    /// </summary>
    /// <param name="user">The user.</param>
    /// <param name="search">The query and the most matches to return.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The best matches, best first; empty for an unknown user.</returns>
    /// <exception cref="ArgumentException">The query is empty or too long, or the limit is outside 1 to <see cref="PreferenceSearch.MaxLimit"/>.</exception>
    Task<IReadOnlyList<PreferenceMatch>> SearchAsync(UserKey user, PreferenceSearch search, CancellationToken cancellationToken = default);

    /// <summary>Selects the user's preferences that apply to a request, with calibrated probabilities, reasons and sources, and renders them as a prompt block.</summary>
    /// <param name="user">The user.</param>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The selection; <see cref="Selection.Empty"/> when nothing applies.</returns>
    Task<Selection> SelectAsync(UserKey user, RequestContext request, CancellationToken cancellationToken = default);

    /// <summary>Streams the user's event log, oldest first (the unit of export).</summary>
    /// <param name="user">The user.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The events.</returns>
    IAsyncEnumerable<PreferenceEvent> ExportAsync(UserKey user, CancellationToken cancellationToken = default);

    /// <summary>Imports events into the user's log (for example from another store's export), replaying them through the learners.</summary>
    /// <param name="user">The user.</param>
    /// <param name="events">The events, oldest first; their sequence numbers are reassigned.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>What changed.</returns>
    /// <exception cref="ArgumentException">Two events share an identifier, or an identifier is already in the user's log.</exception>
    Task<WriteResult> ImportAsync(UserKey user, IReadOnlyList<PreferenceEvent> events, CancellationToken cancellationToken = default);

    /// <summary>Rebuilds the user's preferences by replaying the event log through the current learners.</summary>
    /// <param name="user">The user.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The current preferences after the rebuild.</returns>
    Task<IReadOnlyList<Preference>> RebuildAsync(UserKey user, CancellationToken cancellationToken = default);

    /// <summary>
    /// Orders candidates the way this user would in this context: from the user's stated preferences that apply, the
    /// tenant's trained ranking model and the user's personal part; each with a score, the probability that it is the
    /// user's best, and what drove it.
    /// </summary>
    /// <param name="user">The user.</param>
    /// <param name="request">The request the candidates answer.</param>
    /// <param name="candidates">The candidates (at least one).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The ranking, best first.</returns>
    /// <exception cref="ArgumentException">No candidates, or a text is empty or too long.</exception>
    Task<CandidateRanking> RankAsync(UserKey user, RequestContext request, IReadOnlyList<string> candidates, CancellationToken cancellationToken = default);

    /// <summary>
    /// Refits the tenant's ranking model from every user's comparisons, ratings and choices in the event log, stores it as a
    /// new version, and refits each user's personal part. Deterministic for a given seed.
    /// </summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="options">How to train; the defaults when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>What was fitted.</returns>
    /// <exception cref="ArgumentException"><paramref name="tenantId"/> is empty.</exception>
    Task<TrainingReport> TrainAsync(string tenantId, TrainingOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Explains what was learned about a user as a short list of principles a person can check ("Prefers shorter
    /// responses"), distilled from the user's comparisons, choices and edits: each proposed from one half of those judgements
    /// and kept only if it predicts the other half, with its support, its accuracy on the held-back half and its sources.
    /// </summary>
    /// <param name="user">The user.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>At most ten principles, most useful first; empty for a user with too few judgements.</returns>
    Task<IReadOnlyList<Principle>> ExplainAsync(UserKey user, CancellationToken cancellationToken = default);

    /// <summary>
    /// Explains what was learned across a tenant: principles distilled from the pooled judgements of its users (at most
    /// <see cref="PenchantOptions.ExplainMaxUsers"/> of them), each with how many users have it among their own principles.
    /// </summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The principles, how many users and judgements they come from, and whether users were left out.</returns>
    Task<TenantExplanation> ExplainTenantAsync(string tenantId, CancellationToken cancellationToken = default);
}
