using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Penchant.Recommending;
using Penchant.Server.Contracts;

namespace Penchant.Server.Api;

/// <summary>Sequential recommendation: the items a user is likely to choose next, from the tenant's next-item model trained on every user's choices.</summary>
/// <remarks>Routes under <c>/v1/users/{userId}/recommendations</c> and <c>/v1/recommendations</c>, in the key's tenant (see <see cref="Handlers"/>).</remarks>
public static class RecommendationsApi
{
    /// <summary>Maps the recommendation routes.</summary>
    /// <param name="endpoints">The endpoint route builder.</param>
    /// <returns>The tenant's route group.</returns>
    public static RouteGroupBuilder MapRecommendationsApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapUserGroup().MapGet("/recommendations", RecommendAsync).WithName("RecommendNext")
            .WithSummary("The items the user is most likely to choose next (from their recorded choices), best first");
        RouteGroupBuilder tenant = endpoints.MapAreaGroup("/v1/recommendations", "Recommendations");
        tenant.MapPost("/train", TrainAsync).WithName("TrainRecommendations")
            .WithSummary("Train the tenant's next-item model from every user's choices, in log order");
        return tenant;
    }

    /// <summary>Recommends the items a user is most likely to choose next, leaving out those already chosen.</summary>
    /// <param name="userId">The user.</param>
    /// <param name="count">How many items at most (1 to 1,000; 10 when absent).</param>
    /// <param name="principal">The authenticated key.</param>
    /// <param name="query">The sequence query.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The items (empty until the tenant's model is trained), or a problem.</returns>
    public static async Task<Results<Ok<RecommendationsResponse>, ProblemHttpResult>> RecommendAsync(
        string userId, int? count, ClaimsPrincipal principal, SequenceQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        int wanted = count ?? 10;
        if (wanted is < 1 or > 1000)
        {
            throw new ArgumentException("'count' is 1 to 1000.", nameof(count));
        }

        IReadOnlyList<NextItem> items = await query.RecommendNextAsync(Handlers.User(principal, userId), wanted, cancellationToken);
        return TypedResults.Ok(new RecommendationsResponse([.. items.Select(static i => new RecommendedItemContract(i.Item, i.Score))]));
    }

    /// <summary>Trains the tenant's next-item model and saves it.</summary>
    /// <param name="principal">The authenticated key.</param>
    /// <param name="query">The sequence query.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>What training saw and saved.</returns>
    public static async Task<Results<Ok<SequenceTrainingResponse>, ProblemHttpResult>> TrainAsync(
        ClaimsPrincipal principal, SequenceQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        SequenceTrainingReport report = await query.TrainAsync(Handlers.Tenant(principal), cancellationToken);
        return TypedResults.Ok(new SequenceTrainingResponse(report.Users, report.Items, report.Choices, report.Links));
    }
}
