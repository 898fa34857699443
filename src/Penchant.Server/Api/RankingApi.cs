using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Penchant.Domain;
using Penchant.Server.Contracts;

namespace Penchant.Server.Api;

/// <summary>Orders candidates the way a user would: a read over the user's preferences and the tenant's ranking model.</summary>
/// <remarks>Routes under <c>/v1/users/{userId}</c>, in the key's tenant (see <see cref="Handlers"/>).</remarks>
public static class RankingApi
{
    /// <summary>Maps the ranking route under <c>/v1/users/{userId}</c>.</summary>
    /// <param name="endpoints">The endpoint route builder.</param>
    /// <returns>The route group.</returns>
    public static RouteGroupBuilder MapRankingApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        RouteGroupBuilder users = endpoints.MapUserGroup();

        users.MapPost("/rank", RankAsync).WithName("Rank")
            .WithSummary("Order candidates the way the user would for a request")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        return users;
    }

    /// <summary>Orders candidates the way the user would for a request (a read: nothing is written).</summary>
    /// <param name="userId">The user.</param>
    /// <param name="request">The request and the candidates.</param>
    /// <param name="principal">The authenticated key.</param>
    /// <param name="engine">The engine.</param>
    /// <param name="httpContext">The request.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The ranking, best first, or a problem.</returns>
    public static async Task<Results<Ok<RankingResponse>, ProblemHttpResult>> RankAsync(
        string userId, RankRequest request, ClaimsPrincipal principal, IPenchant engine, HttpContext httpContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(engine);
        UserKey user = Handlers.User(principal, userId);
        RequestLimits limits = Handlers.Limits(httpContext);
        RequestContext context = Handlers.Context(limits, request.Text, request.Attributes, request.Conversation);
        IReadOnlyList<string> candidates = Handlers.Candidates(limits, request.Candidates, minimum: 1);
        CandidateRanking ranking = await engine.RankAsync(user, context, candidates, cancellationToken);
        return TypedResults.Ok(ranking.ToContract());
    }
}
