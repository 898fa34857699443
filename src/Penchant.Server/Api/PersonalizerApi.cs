using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Penchant.Deciding;
using Penchant.Domain;
using Penchant.Server.Contracts;

namespace Penchant.Server.Api;

/// <summary>
/// Azure Personalizer's v1.0 API (rank, reward, activate) over Penchant's decisions, so an application that used
/// Personalizer changes its endpoint and key and nothing else. Keys are Penchant API keys, accepted in Personalizer's
/// <c>Ocp-Apim-Subscription-Key</c> header too.
/// </summary>
/// <remarks>
/// Every call of a tenant uses one policy, the user <see cref="ServiceOptions.PersonalizerUserId"/>, as a Personalizer
/// resource has one; people are described by context features. Errors are problem details (as the native API's).
/// </remarks>
public static class PersonalizerApi
{
    /// <summary>Maps the routes under <c>/personalizer/v1.0</c>.</summary>
    /// <param name="endpoints">The endpoint route builder.</param>
    /// <returns>The route group.</returns>
    public static RouteGroupBuilder MapPersonalizerApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        RouteGroupBuilder group = endpoints.MapPersonalizerGroup();
        group.MapPost("/rank", RankAsync).WithName("PersonalizerRank")
            .WithSummary("Personalizer v1.0: rank actions for a context; the first is the one to show");
        group.MapPost("/events/{eventId}/reward", RewardAsync).WithName("PersonalizerReward")
            .WithSummary("Personalizer v1.0: report the reward of an event")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/events/{eventId}/activate", ActivateAsync).WithName("PersonalizerActivate")
            .WithSummary("Personalizer v1.0: activate an event ranked with deferActivation")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    /// <summary>Ranks actions for a context (Personalizer's <c>rank</c>).</summary>
    /// <param name="request">The rank request.</param>
    /// <param name="principal">The authenticated key.</param>
    /// <param name="decider">The decider.</param>
    /// <param name="service">The service options (the policy's user).</param>
    /// <param name="options">The decision options (feature limits).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The ranking, or a problem.</returns>
    public static async Task<Results<Ok<PersonalizerRankResponse>, ProblemHttpResult>> RankAsync(
        PersonalizerRankRequest request, ClaimsPrincipal principal, IDecider decider, IOptions<ServiceOptions> service, IOptions<DecidingOptions> options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(decider);
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(options);
        UserKey user = PolicyUser(principal, service.Value);
        int limit = options.Value.MaxFeatures;
        if (request.Actions is null || request.Actions.Count == 0)
        {
            throw new ArgumentException("'actions' needs at least one action.", nameof(request));
        }

        var actions = new List<DecisionAction>(request.Actions.Count);
        foreach (PersonalizerAction? action in request.Actions)
        {
            if (action?.Id is null)
            {
                throw new ArgumentException("Every action needs an 'id'.", nameof(request));
            }

            actions.Add(new DecisionAction(action.Id) { Features = FeatureJson.ReadList(action.Features, limit, "actions.features") });
        }

        var context = new DecisionContext { Features = FeatureJson.ReadList(request.ContextFeatures, limit, "contextFeatures") };
        IReadOnlyList<string> excluded = request.ExcludedActions ?? [];
        DecisionResult result = await decider.DecideAsync(
            user,
            context,
            actions,
            new DecisionOptions { DecisionId = request.EventId, ExcludedActionIds = excluded, DeferActivation = request.DeferActivation ?? false },
            cancellationToken);

        var ranking = new List<PersonalizerRankedAction>(actions.Count);
        ranking.AddRange(result.Ranking.Select(static a => new PersonalizerRankedAction(a.Id, a.Probability)));
        var ranked = new HashSet<string>(result.Ranking.Select(static a => a.Id), StringComparer.Ordinal);
        foreach (DecisionAction action in actions)
        {
            if (!ranked.Contains(action.Id))
            {
                ranking.Add(new PersonalizerRankedAction(action.Id, 0));
            }
        }

        return TypedResults.Ok(new PersonalizerRankResponse(ranking, result.DecisionId, result.Chosen.Id));
    }

    /// <summary>Reports the reward of an event (Personalizer's <c>reward</c>).</summary>
    /// <param name="eventId">The event (the rank call's <c>eventId</c>).</param>
    /// <param name="request">The reward.</param>
    /// <param name="principal">The authenticated key.</param>
    /// <param name="decider">The decider.</param>
    /// <param name="service">The service options (the policy's user).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>No content, or a problem.</returns>
    public static async Task<Results<NoContent, ProblemHttpResult>> RewardAsync(
        string eventId, PersonalizerRewardRequest request, ClaimsPrincipal principal, IDecider decider, IOptions<ServiceOptions> service, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(decider);
        ArgumentNullException.ThrowIfNull(service);
        double value = request.Value ?? throw new ArgumentException("'value' is required.", nameof(request));
        await decider.RewardAsync(PolicyUser(principal, service.Value), eventId, value, cancellationToken: cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>Activates an event ranked with <c>deferActivation</c> (Personalizer's <c>activate</c>).</summary>
    /// <param name="eventId">The event.</param>
    /// <param name="principal">The authenticated key.</param>
    /// <param name="decider">The decider.</param>
    /// <param name="service">The service options (the policy's user).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>No content, or a problem.</returns>
    public static async Task<Results<NoContent, ProblemHttpResult>> ActivateAsync(
        string eventId, ClaimsPrincipal principal, IDecider decider, IOptions<ServiceOptions> service, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decider);
        ArgumentNullException.ThrowIfNull(service);
        await decider.ActivateAsync(PolicyUser(principal, service.Value), eventId, cancellationToken);
        return TypedResults.NoContent();
    }

    private static UserKey PolicyUser(ClaimsPrincipal principal, ServiceOptions service) => Handlers.User(principal, service.PersonalizerUserId);
}
