using Penchant.Domain;

namespace Penchant.Deciding;

/// <summary>
/// Decides and learns online: a contextual bandit whose decisions are logged with every action's propensity, whose
/// rewards are signals, and whose policy is a learner over the user's log (so a rebuild replays it).
/// </summary>
/// <remarks>
/// Thread-safe. The policy and its log belong to the <see cref="UserKey"/> given: for one policy shared by many people (as
/// Personalizer has), use one user key for it and describe the person in the context's features. Contexts and action
/// texts are user content: they are logged only at <c>Trace</c>, and forgetting the user deletes them.
/// </remarks>
public interface IDecider
{
    /// <summary>Chooses an action (or a slate) for a context, logs the decision with every action's propensity, and returns it.</summary>
    /// <param name="user">The user whose policy decides.</param>
    /// <param name="context">The context.</param>
    /// <param name="actions">The actions (at least one, unique identifiers).</param>
    /// <param name="options">How to decide; the defaults when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The decision.</returns>
    /// <exception cref="ArgumentException">The context, an action, a feature or an option is malformed, or no action is left after exclusions.</exception>
    Task<DecisionResult> DecideAsync(UserKey user, DecisionContext context, IReadOnlyList<DecisionAction> actions, DecisionOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records the outcome of a decision as a reward signal. The first reward within <see cref="DecidingOptions.RewardWait"/>
    /// of the decision (or of its activation) is learned; a later or repeated one is logged and not learned.
    /// </summary>
    /// <param name="user">The user whose policy decided.</param>
    /// <param name="decisionId">The decision.</param>
    /// <param name="value">The reward (finite; for a slate, of its first slot unless <paramref name="slot"/> says otherwise).</param>
    /// <param name="slot">The slot of a slate the reward is for.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The logged reward.</returns>
    /// <exception cref="ArgumentException">The value is not finite, or the slot is outside the decision's slate.</exception>
    /// <exception cref="NotFoundException">The user has no such decision.</exception>
    Task<RewardResult> RewardAsync(UserKey user, string decisionId, double value, int slot = 0, CancellationToken cancellationToken = default);

    /// <summary>Activates a decision made with <see cref="DecisionOptions.DeferActivation"/>: from now on it waits for its reward and is learned from.</summary>
    /// <param name="user">The user whose policy decided.</param>
    /// <param name="decisionId">The decision.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the activation is durable; activating twice is harmless.</returns>
    /// <exception cref="NotFoundException">The user has no such decision.</exception>
    Task ActivateAsync(UserKey user, string decisionId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Activates every deferred decision still waiting for its activation whose identifier starts with
    /// <paramref name="decisionIdPrefix"/> (the slots of one multi-slot event, for example).
    /// </summary>
    /// <param name="user">The user whose policy decided.</param>
    /// <param name="decisionIdPrefix">The start of the decisions' identifiers.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The identifiers of the decisions activated, in identifier order; empty when none waits.</returns>
    /// <exception cref="ArgumentException">The prefix is not a valid identifier.</exception>
    Task<IReadOnlyList<string>> ActivateWaitingAsync(UserKey user, string decisionIdPrefix, CancellationToken cancellationToken = default);

    /// <summary>Tells whether the user's log holds a decision.</summary>
    /// <param name="user">The user.</param>
    /// <param name="decisionId">The decision.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see langword="true"/> when the decision is logged.</returns>
    /// <exception cref="ArgumentException">The identifier is not valid.</exception>
    Task<bool> HasDecisionAsync(UserKey user, string decisionId, CancellationToken cancellationToken = default);

    /// <summary>Reports what the user's policy has learned: decisions, rewards, and apprentice mode's agreement and estimated value.</summary>
    /// <param name="user">The user whose policy decided.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The report; all zeros for a user with no decisions.</returns>
    Task<DecisionReport> GetReportAsync(UserKey user, CancellationToken cancellationToken = default);

    /// <summary>
    /// Estimates off-policy how a candidate policy would have done on the user's logged decisions in a date range (IPS,
    /// SNIPS, direct method, doubly robust): the candidate learns afresh over the log, each decision judged before its
    /// reward is learned; a decision whose reward is still awaited is left out.
    /// </summary>
    /// <param name="user">The user whose decisions are read.</param>
    /// <param name="candidate">The candidate policy.</param>
    /// <param name="from">The first moment of the range; the log's start when <see langword="null"/>.</param>
    /// <param name="to">The end of the range (exclusive); now when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The estimates, or <see langword="null"/> when no decision in the range has a known reward.</returns>
    Task<OffPolicyReport?> EvaluatePolicyAsync(UserKey user, PolicyCandidate candidate, DateTimeOffset? from = null, DateTimeOffset? to = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Estimates off-policy how a candidate policy would have done on the logged decisions of every user of a tenant in
    /// a date range: the candidate learns afresh over each user's log as <see cref="EvaluatePolicyAsync(UserKey, PolicyCandidate, DateTimeOffset?, DateTimeOffset?, CancellationToken)"/>
    /// does (the policy is per user), and the estimates pool every user's decisions.
    /// </summary>
    /// <param name="tenantId">The tenant whose users' decisions are read; no other tenant's are.</param>
    /// <param name="candidate">The candidate policy.</param>
    /// <param name="from">The first moment of the range; the log's start when <see langword="null"/>.</param>
    /// <param name="to">The end of the range (exclusive); now when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The estimates, or <see langword="null"/> when no decision in the range has a known reward.</returns>
    /// <exception cref="ArgumentException">The tenant identifier, candidate or range is invalid.</exception>
    Task<OffPolicyReport?> EvaluatePolicyAsync(string tenantId, PolicyCandidate candidate, DateTimeOffset? from = null, DateTimeOffset? to = null, CancellationToken cancellationToken = default);
}
