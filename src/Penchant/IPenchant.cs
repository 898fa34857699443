using Penchant.Domain;
using Penchant.Learning.Feedback;
using Penchant.Signals;

namespace Penchant;

/// <summary>
/// The preference engine: learns each user's preferences from what they say and selects
/// exactly those that apply to a request.
/// </summary>
/// <remarks>
/// Implementations are thread-safe. Writes for one user are ordered; a write is acknowledged only after it is durable.
/// Preference texts are user content: they appear in logs only at <c>Trace</c> level.
/// </remarks>
public interface IPenchant
{
    /// <summary>Remembers a statement the user made as one preference (or reinforces an existing one, or supersedes an older one it revises).</summary>
    /// <param name="user">The user.</param>
    /// <param name="statement">The statement.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>What changed.</returns>
    /// <exception cref="ArgumentException">The statement is empty, whitespace or longer than <see cref="PenchantOptions.MaxTextLength"/>.</exception>
    Task<WriteResult> RememberAsync(UserKey user, Statement statement, CancellationToken cancellationToken = default);

    /// <summary>Observes conversation turns and keeps the preferences the user's turns state; ordinary questions, chit-chat and code yield nothing.</summary>
    /// <param name="user">The user.</param>
    /// <param name="turns">The turns, oldest first.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>What changed.</returns>
    /// <exception cref="ArgumentException">A turn is empty or too long.</exception>
    Task<WriteResult> ObserveAsync(UserKey user, IReadOnlyList<ConversationTurn> turns, CancellationToken cancellationToken = default);

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

    /// <summary>Forgets one preference: removes it and erases the text of the signals it came from, so a rebuild cannot bring it back.</summary>
    /// <param name="user">The user.</param>
    /// <param name="preferenceId">The preference.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the deletion is durable.</returns>
    /// <exception cref="NotFoundException">The user has no such preference.</exception>
    Task ForgetAsync(UserKey user, string preferenceId, CancellationToken cancellationToken = default);

    /// <summary>Deletes everything stored about a user.</summary>
    /// <param name="user">The user.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see langword="true"/> if the user existed.</returns>
    Task<bool> ForgetUserAsync(UserKey user, CancellationToken cancellationToken = default);

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
    /// Records how the user took an answer, read from their next message: satisfaction raises and dissatisfaction lowers the
    /// acceptance of the preferences applied to the answer (selection weighs it), and a correction that states a wish
    /// ("shorter, and no emojis") becomes a preference scoped to the kind of request it reacted to.
    /// </summary>
    /// <param name="user">The user.</param>
    /// <param name="reaction">The next message, what it reacted to, and optionally a classification made elsewhere.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The classification and what changed.</returns>
    /// <exception cref="ArgumentException">The message or request is empty or too long.</exception>
    Task<ReactionOutcome> ReactAsync(UserKey user, Reaction reaction, CancellationToken cancellationToken = default);

    /// <summary>Records that the user compared two responses in a context, and updates the user's personal ranking part online.</summary>
    /// <param name="user">The user.</param>
    /// <param name="comparison">The comparison.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>What changed (the appended event).</returns>
    /// <exception cref="ArgumentException">A text is empty or too long.</exception>
    Task<WriteResult> CompareAsync(UserKey user, Comparison comparison, CancellationToken cancellationToken = default);

    /// <summary>Records that the user rated a response on a declared scale.</summary>
    /// <param name="user">The user.</param>
    /// <param name="rating">The rating.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>What changed (the appended event).</returns>
    /// <exception cref="ArgumentException">A text is empty or too long, the scale is empty, or the score is outside it.</exception>
    Task<WriteResult> RateAsync(UserKey user, Rating rating, CancellationToken cancellationToken = default);

    /// <summary>Records that the user chose one of the candidates shown (a click), and updates the user's personal ranking part online.</summary>
    /// <param name="user">The user.</param>
    /// <param name="choice">The choice.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>What changed (the appended event).</returns>
    /// <exception cref="ArgumentException">Fewer than two candidates, a text is empty or too long, or the chosen index is outside the candidates.</exception>
    Task<WriteResult> ChooseAsync(UserKey user, Choice choice, CancellationToken cancellationToken = default);

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
}
