using System.ComponentModel.DataAnnotations;

namespace Penchant;

/// <summary>Options of the preference engine.</summary>
public sealed class PenchantOptions
{
    /// <summary>Gets or sets the longest text (statement, turn or request) accepted, in characters.</summary>
    /// <value>The default is 16,000 characters.</value>
    [Range(16, 1_000_000)]
    public int MaxTextLength { get; set; } = 16_000;

    /// <summary>Gets or sets the most current preferences a user may hold; writes beyond it are rejected.</summary>
    /// <value>The default is 2,000.</value>
    [Range(1, 1_000_000)]
    public int MaxPreferencesPerUser { get; set; } = 2_000;

    /// <summary>
    /// Gets or sets the calibrated probability at or above which a preference is selected for a request; <see langword="null"/>
    /// for the gate model's own threshold (the one with the best F1 when it was fitted).
    /// </summary>
    /// <value>The default is <see langword="null"/>.</value>
    [Range(0.0, 1.0)]
    public double? SelectionThreshold { get; set; }

    /// <summary>
    /// Gets or sets how unusually close a request must be to a scoped preference's situation for the preference to fire
    /// there (a z-score against a background of ordinary requests; see <c>ScopeSituations</c>): a rule for emails to the boss
    /// stays silent for an email to a cousin. <see langword="null"/> turns the filter off.
    /// </summary>
    /// <value>The default is 1.5.</value>
    public double? SituationZ { get; set; } = 1.5;

    /// <summary>
    /// Gets or sets how close a request must be to each qualifier of a scoped preference's situation (the parts that say which
    /// of its kind it is: "landlords" of replies, "lunchtime" workouts) when it does not state the qualifier's words or
    /// person, as a z-score against the same background; see <c>ScopeSituations</c>. <see langword="null"/> turns the
    /// qualifier test off (the situation as a whole is still tested with <see cref="SituationZ"/>).
    /// </summary>
    /// <value>
    /// The default is <see langword="null"/> (off): 2.0, the best value on the tune split of <c>eval/feedback</c>, halved
    /// near-scope firing there, but on the holdout split it lost more in-scope adherence than it saved near scope.
    /// </value>
    public double? SituationQualifierZ { get; set; }

    /// <summary>
    /// Gets or sets the learned near-scope test of each qualifier of a scoped preference's situation that a request does not
    /// state in words (C3PO's near scope; see <c>NearScopeModel</c>): <c>"shipped"</c> for the model shipped with Penchant,
    /// a path to a model file written by <c>penchant eval feedback --fit-near-scope</c>, or <see langword="null"/> (or
    /// <c>"off"</c>) for none. It runs beside <see cref="SituationQualifierZ"/> when both are set.
    /// </summary>
    /// <value>
    /// The default is <c>"shipped"</c>. On <c>eval/feedback</c> (MiniLM) it took near-scope false firing from 0.453 to 0.266 on
    /// the tune split for 0.038 of in-scope adherence, and from 0.484 to 0.406 on the holdout for 0.025; its threshold (0.25)
    /// was chosen on the tune split.
    /// </value>
    public string? NearScopeModel { get; set; } = "shipped";

    /// <summary>Gets or sets the most tokens the rendered prompt block may use (estimated at four characters per token).</summary>
    /// <value>The default is 400 tokens.</value>
    [Range(16, 100_000)]
    public int PromptTokenBudget { get; set; } = 400;

    /// <summary>Gets or sets how many users' prepared preferences are cached in memory.</summary>
    /// <value>The default is 10,000 users.</value>
    [Range(0, 10_000_000)]
    public int StateCacheSize { get; set; } = 10_000;

    /// <summary>
    /// Gets or sets a value indicating whether a cached user state is checked against the store's log position before it is
    /// read (one indexed lookup), so that a write committed by another process over the same store is seen at once.
    /// </summary>
    /// <value>The default is <see langword="true"/>. Turn it off only when this engine is the store's only writer.</value>
    public bool CheckCachedStateOnRead { get; set; } = true;

    /// <summary>Gets or sets the cosine similarity above which a new statement that says the same thing as a current preference reinforces it instead of adding a copy.</summary>
    /// <value>The default is 0.75.</value>
    [Range(0.0, 1.0)]
    public double DuplicateSimilarity { get; set; } = 0.75;

    /// <summary>Gets or sets the cosine similarity above which a new statement on the same subject may revise an older one.</summary>
    /// <value>The default is 0.30.</value>
    [Range(0.0, 1.0)]
    public double RevisionSimilarity { get; set; } = 0.30;

    /// <summary>Gets or sets the most users whose judgements a tenant-wide explanation reads (<see cref="IPenchant.ExplainTenantAsync"/>).</summary>
    /// <value>The default is 1,000 users; the explanation says when the tenant has more.</value>
    [Range(1, 1_000_000)]
    public int ExplainMaxUsers { get; set; } = 1_000;
}
