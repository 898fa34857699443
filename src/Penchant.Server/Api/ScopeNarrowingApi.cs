using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Penchant.Server.Contracts;
using Penchant.Server.Writes;
using Penchant.Signals;

namespace Penchant.Server.Api;

/// <summary>
/// Narrows a preference's scope: <c>POST /v1/users/{userId}/preferences/{preferenceId}/narrow</c> records a
/// <see cref="ScopeNarrowing"/> signal, so the preference is superseded by a version whose scope excludes the situation.
/// </summary>
public static class ScopeNarrowingApi
{
    /// <summary>Maps the narrowing route under <c>/v1/users/{userId}</c>.</summary>
    /// <param name="endpoints">The endpoint route builder.</param>
    /// <returns>The route group.</returns>
    public static RouteGroupBuilder MapScopeNarrowingApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        RouteGroupBuilder users = endpoints.MapUserGroup();
        users.MapPost("/preferences/{preferenceId}/narrow", NarrowAsync).WithName("NarrowPreferenceScope")
            .WithSummary("Say a preference fired where it should not: its scope excludes that situation from now on (the old version is superseded)")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return users;
    }

    /// <summary>Narrows one of the user's current preferences.</summary>
    /// <param name="userId">The user.</param>
    /// <param name="preferenceId">The preference.</param>
    /// <param name="request">The situation to exclude.</param>
    /// <param name="idempotencyKey">Applies the write at most once per key (see <c>docs/service.md</c>).</param>
    /// <param name="principal">The authenticated key.</param>
    /// <param name="engine">The engine.</param>
    /// <param name="httpContext">The request.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>What changed (the narrowed version created, the old one superseded), or a problem (404 for an unknown or superseded preference).</returns>
    public static async Task<Results<Ok<WriteResponse>, ProblemHttpResult>> NarrowAsync(
        string userId,
        string preferenceId,
        NarrowScopeRequest request,
        [FromHeader(Name = KeyedWrites.Header)] string? idempotencyKey,
        ClaimsPrincipal principal,
        IPenchant engine,
        HttpContext httpContext,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var user = Handlers.User(principal, userId);
        RequestLimits limits = Handlers.Limits(httpContext);
        RequestValidation.Text(preferenceId, "preferenceId", 200);
        RequestValidation.Text(request.NotFor, "notFor", limits.MaxText);
        var narrowing = new ScopeNarrowing(preferenceId, request.NotFor, request.At);
        return await KeyedWrites.RecordAsync(httpContext, engine, user, [narrowing], idempotencyKey, cancellationToken);
    }
}
