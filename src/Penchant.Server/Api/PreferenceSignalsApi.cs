using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Penchant.Server.Contracts;
using Penchant.Server.Writes;
using Penchant.Signals;

namespace Penchant.Server.Api;

/// <summary>
/// Signals about one of the user's preferences, each superseding it with a new version so the history shows the change:
/// <c>PATCH /v1/users/{userId}/preferences/{preferenceId}</c> records a <see cref="PreferenceEdit"/> (text, scope,
/// strength), <c>POST /v1/users/{userId}/preferences/{preferenceId}/narrow</c> a <see cref="ScopeNarrowing"/> (the scope
/// excludes a situation from now on).
/// </summary>
public static class PreferenceSignalsApi
{
    /// <summary>Maps the edit and narrowing routes under <c>/v1/users/{userId}</c>.</summary>
    /// <param name="endpoints">The endpoint route builder.</param>
    /// <returns>The route group.</returns>
    public static RouteGroupBuilder MapPreferenceSignalsApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        RouteGroupBuilder users = endpoints.MapUserGroup();
        users.MapPatch("/preferences/{preferenceId}", EditAsync).WithName("EditPreference")
            .WithSummary("Change a preference's text, scope or strength (the old version is superseded, so history shows the change)")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        users.MapPost("/preferences/{preferenceId}/narrow", NarrowAsync).WithName("NarrowPreferenceScope")
            .WithSummary("Say a preference fired where it should not: its scope excludes that situation from now on (the old version is superseded)")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return users;
    }

    /// <summary>Edits one of the user's current preferences.</summary>
    /// <param name="userId">The user.</param>
    /// <param name="preferenceId">The preference.</param>
    /// <param name="request">The change.</param>
    /// <param name="idempotencyKey">Applies the write at most once per key (see <c>docs/service.md</c>).</param>
    /// <param name="principal">The authenticated key.</param>
    /// <param name="engine">The engine.</param>
    /// <param name="httpContext">The request.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>What changed (the new version created, the old one superseded), or a problem (404 for an unknown or superseded preference).</returns>
    public static Task<Results<Ok<WriteResponse>, ProblemHttpResult>> EditAsync(
        string userId,
        string preferenceId,
        EditPreferenceRequest request,
        [FromHeader(Name = KeyedWrites.Header)] string? idempotencyKey,
        ClaimsPrincipal principal,
        IPenchant engine,
        HttpContext httpContext,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return RecordAboutAsync(userId, preferenceId, idempotencyKey, principal, engine, httpContext, limits =>
        {
            if (request.Text is not null)
            {
                RequestValidation.Text(request.Text, "text", limits.MaxText);
            }

            RequestValidation.Optional(request.Scope, "scope", limits.MaxText);
            if (request.Text is null && request.Scope is null && request.Strength is null)
            {
                throw new ArgumentException("Send at least one of 'text', 'scope' or 'strength'.");
            }

            if (request.Strength is { } strength && (!double.IsFinite(strength) || strength < 0 || strength > 1))
            {
                throw new ArgumentException("'strength' must be between 0 and 1.");
            }

            return new PreferenceEdit(preferenceId, request.Text, request.Scope, request.Strength, request.At);
        }, cancellationToken);
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
    public static Task<Results<Ok<WriteResponse>, ProblemHttpResult>> NarrowAsync(
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
        return RecordAboutAsync(userId, preferenceId, idempotencyKey, principal, engine, httpContext, limits =>
        {
            RequestValidation.Text(request.NotFor, "notFor", limits.MaxText);
            return new ScopeNarrowing(preferenceId, request.NotFor, request.At);
        }, cancellationToken);
    }

    /// <summary>The shared prologue and write of a signal about one preference: the user from the key, the preference id checked, then the signal built (and its own fields checked) and recorded under the idempotency key.</summary>
    private static async Task<Results<Ok<WriteResponse>, ProblemHttpResult>> RecordAboutAsync(
        string userId,
        string preferenceId,
        string? idempotencyKey,
        ClaimsPrincipal principal,
        IPenchant engine,
        HttpContext httpContext,
        Func<RequestLimits, Signal> signal,
        CancellationToken cancellationToken)
    {
        var user = Handlers.User(principal, userId);
        RequestLimits limits = Handlers.Limits(httpContext);
        RequestValidation.Text(preferenceId, "preferenceId", 200);
        return await KeyedWrites.RecordAsync(httpContext, engine, user, [signal(limits)], idempotencyKey, cancellationToken);
    }
}
