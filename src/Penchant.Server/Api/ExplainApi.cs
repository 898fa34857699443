using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Penchant.Domain;
using Penchant.Server.Contracts;

namespace Penchant.Server.Api;

/// <summary>What was learned about a user, as principles a person can check.</summary>
/// <remarks>Routes under <c>/v1/users/{userId}</c>, in the key's tenant (see <see cref="Handlers"/>).</remarks>
public static class ExplainApi
{
    /// <summary>Maps the principles route under <c>/v1/users/{userId}</c>.</summary>
    /// <param name="endpoints">The endpoint route builder.</param>
    /// <returns>The route group.</returns>
    public static RouteGroupBuilder MapExplainApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        RouteGroupBuilder users = endpoints.MapUserGroup();
        users.MapGet("/principles", ExplainAsync).WithName("Explain")
            .WithSummary("Explain what was learned about the user: principles with their support, held-back accuracy and sources");
        return users;
    }

    /// <summary>Explains what was learned about a user (empty for an unknown user or one with too few judgements).</summary>
    /// <param name="userId">The user.</param>
    /// <param name="principal">The authenticated key.</param>
    /// <param name="engine">The engine.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The principles, most useful first, or a problem.</returns>
    public static async Task<Results<Ok<IReadOnlyList<PrincipleContract>>, ProblemHttpResult>> ExplainAsync(
        string userId, ClaimsPrincipal principal, IPenchant engine, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engine);
        IReadOnlyList<Principle> principles = await engine.ExplainAsync(Handlers.User(principal, userId), cancellationToken);
        return TypedResults.Ok<IReadOnlyList<PrincipleContract>>([.. principles.Select(static p => new PrincipleContract(p.Id, p.Text, p.Support, p.Accuracy, p.Tested, p.Sources))]);
    }
}
