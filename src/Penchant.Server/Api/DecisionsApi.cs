using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Penchant.Deciding;
using Penchant.Domain;
using Penchant.Server.Contracts;

namespace Penchant.Server.Api;

/// <summary>Decides and learns online: a decision is a query logged as a signal, a reward is a signal, the policy a learner.</summary>
/// <remarks>Routes under <c>/v1/users/{userId}/decisions</c>, in the key's tenant (see <see cref="Handlers"/>).</remarks>
public static class DecisionsApi
{
    /// <summary>Maps the decision routes under <c>/v1/users/{userId}</c>.</summary>
    /// <param name="endpoints">The endpoint route builder.</param>
    /// <returns>The route group.</returns>
    public static RouteGroupBuilder MapDecisionsApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        RouteGroupBuilder users = endpoints.MapUserGroup();
        users.MapPost("/decisions", DecideAsync).WithName("Decide")
            .WithSummary("Choose an action (or a slate) for a context, logged with every action's propensity");
        users.MapPost("/decisions/{decisionId}/reward", RewardAsync).WithName("Reward")
            .WithSummary("Record the outcome of a decision")
            .ProducesProblem(StatusCodes.Status404NotFound);
        users.MapPost("/decisions/{decisionId}/activate", ActivateAsync).WithName("ActivateDecision")
            .WithSummary("Activate a deferred decision: it now waits for its reward")
            .ProducesProblem(StatusCodes.Status404NotFound);
        users.MapGet("/decisions/report", ReportAsync).WithName("DecisionReport")
            .WithSummary("What the user's decision policy has learned, with apprentice mode's agreement and estimated value");
        users.MapPost("/decisions/evaluations", EvaluateUserAsync).WithName("EvaluateUserPolicy")
            .WithSummary("Estimate off-policy how a candidate policy would have done on the user's logged decisions");
        endpoints.MapAreaGroup("/v1/decisions", "Decisions").MapPost("/evaluations", EvaluateTenantAsync).WithName("EvaluateTenantPolicy")
            .WithSummary("Estimate off-policy how a candidate policy would have done on the logged decisions of every user of the tenant");
        return users;
    }

    /// <summary>Chooses an action (or a slate) and logs the decision.</summary>
    /// <param name="userId">The user whose policy decides.</param>
    /// <param name="request">The context, the actions and the options.</param>
    /// <param name="principal">The authenticated key.</param>
    /// <param name="decider">The decider.</param>
    /// <param name="options">The decision options (feature limits).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The decision, or a problem.</returns>
    public static async Task<Results<Ok<DecisionResponse>, ProblemHttpResult>> DecideAsync(
        string userId, DecideRequest request, ClaimsPrincipal principal, IDecider decider, IOptions<DecidingOptions> options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(decider);
        ArgumentNullException.ThrowIfNull(options);
        UserKey user = Handlers.User(principal, userId);
        int limit = options.Value.MaxFeatures;
        var context = new DecisionContext(request.Context?.Text) { Features = FeatureJson.Read(request.Context?.Features, limit, "context.features") };
        if (request.Actions is null)
        {
            throw new ArgumentException("'actions' needs at least one action.", nameof(request));
        }

        var actions = new List<DecisionAction>(request.Actions.Count);
        foreach (DecisionActionContract? action in request.Actions)
        {
            if (action?.Id is null)
            {
                throw new ArgumentException("Every action needs an 'id'.", nameof(request));
            }

            actions.Add(new DecisionAction(action.Id, action.Text) { Features = FeatureJson.Read(action.Features, limit, "actions.features") });
        }

        var decision = new DecisionOptions
        {
            DecisionId = request.DecisionId,
            SlateSize = request.SlateSize ?? 1,
            ExcludedActionIds = request.ExcludedActionIds ?? [],
            Apprentice = request.Apprentice ?? false,
            DefaultActionId = request.DefaultActionId,
            DeferActivation = request.DeferActivation ?? false,
            Policy = request.Policy,
        };
        DecisionResult result = await decider.DecideAsync(user, context, actions, decision, cancellationToken);
        return TypedResults.Ok(new DecisionResponse(
            result.DecisionId,
            [.. result.Slate.Select(static a => new ActionProbabilityContract(a.Id, a.Probability))],
            [.. result.Ranking.Select(static a => new ActionProbabilityContract(a.Id, a.Probability))],
            result.Policy,
            result.Apprentice,
            result.LearnedActionId,
            result.Deferred,
            result.Replayed));
    }

    /// <summary>Records the outcome of a decision.</summary>
    /// <param name="userId">The user whose policy decided.</param>
    /// <param name="decisionId">The decision.</param>
    /// <param name="request">The reward.</param>
    /// <param name="principal">The authenticated key.</param>
    /// <param name="decider">The decider.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The logged reward, or a problem.</returns>
    public static async Task<Results<Ok<RewardResponse>, ProblemHttpResult>> RewardAsync(
        string userId, string decisionId, RewardRequest request, ClaimsPrincipal principal, IDecider decider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(decider);
        UserKey user = Handlers.User(principal, userId);
        double value = request.Value ?? throw new ArgumentException("'value' is required.", nameof(request));
        RewardResult result = await decider.RewardAsync(user, decisionId, value, request.Slot ?? 0, cancellationToken);
        return TypedResults.Ok(new RewardResponse(result.DecisionId, result.EventId));
    }

    /// <summary>Activates a deferred decision.</summary>
    /// <param name="userId">The user whose policy decided.</param>
    /// <param name="decisionId">The decision.</param>
    /// <param name="principal">The authenticated key.</param>
    /// <param name="decider">The decider.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>No content, or a problem.</returns>
    public static async Task<Results<NoContent, ProblemHttpResult>> ActivateAsync(
        string userId, string decisionId, ClaimsPrincipal principal, IDecider decider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decider);
        await decider.ActivateAsync(Handlers.User(principal, userId), decisionId, cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>Reports what the user's decision policy has learned.</summary>
    /// <param name="userId">The user.</param>
    /// <param name="principal">The authenticated key.</param>
    /// <param name="decider">The decider.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The report.</returns>
    public static async Task<Results<Ok<DecisionReportResponse>, ProblemHttpResult>> ReportAsync(
        string userId, ClaimsPrincipal principal, IDecider decider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decider);
        DecisionReport r = await decider.GetReportAsync(Handlers.User(principal, userId), cancellationToken);
        return TypedResults.Ok(new DecisionReportResponse(r.Decisions, r.Rewarded, r.Defaulted, r.Pending, r.MeanReward, r.ApprenticeDecisions, r.AgreementRate, r.DefaultValue, r.LearnedValue));
    }

    /// <summary>Estimates off-policy how a candidate policy would have done on one user's logged decisions.</summary>
    /// <param name="userId">The user.</param>
    /// <param name="request">The candidate and the date range.</param>
    /// <param name="principal">The authenticated key.</param>
    /// <param name="decider">The decider.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The estimates (no estimate and 0 decisions when none in the range has a known reward), or a problem.</returns>
    public static async Task<Results<Ok<PolicyEvaluationResponse>, ProblemHttpResult>> EvaluateUserAsync(
        string userId, EvaluatePolicyRequest request, ClaimsPrincipal principal, IDecider decider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(decider);
        UserKey user = Handlers.User(principal, userId);
        OffPolicyReport? report = await decider.EvaluatePolicyAsync(user, Candidate(request), request.From, request.To, cancellationToken);
        return TypedResults.Ok(ToResponse(report));
    }

    /// <summary>Estimates off-policy how a candidate policy would have done on the logged decisions of every user of the key's tenant.</summary>
    /// <param name="request">The candidate and the date range.</param>
    /// <param name="principal">The authenticated key.</param>
    /// <param name="decider">The decider.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The estimates pooled over the tenant's users, or a problem.</returns>
    public static async Task<Results<Ok<PolicyEvaluationResponse>, ProblemHttpResult>> EvaluateTenantAsync(
        EvaluatePolicyRequest request, ClaimsPrincipal principal, IDecider decider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(decider);
        string tenant = Handlers.Tenant(principal);
        OffPolicyReport? report = await decider.EvaluatePolicyAsync(tenant, Candidate(request), request.From, request.To, cancellationToken);
        return TypedResults.Ok(ToResponse(report));
    }

    private static PolicyCandidate Candidate(EvaluatePolicyRequest request)
        => new(request.Policy ?? throw new ArgumentException("'policy' is required.", nameof(request)))
        {
            ExplorationRate = request.ExplorationRate,
            Seed = request.Seed ?? 17,
        };

    private static PolicyEvaluationResponse ToResponse(OffPolicyReport? report)
        => report is null
            ? new PolicyEvaluationResponse(0, null, null, null, null, 0)
            : new PolicyEvaluationResponse(report.Decisions, ToContract(report.Ips), ToContract(report.Snips), ToContract(report.DirectMethod), ToContract(report.DoublyRobust), report.MeanWeight);

    private static EstimateContract ToContract(Estimate e) => new(e.Value, e.StandardError, e.Lower, e.Upper);
}
