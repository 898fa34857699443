using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Penchant.Domain;
using Penchant.Server.Contracts;
using Penchant.Server.Writes;
using Penchant.Signals;

namespace Penchant.Server.Api;

/// <summary>What was learned, as principles a person can check: a user's, a whole tenant's, and the user's verdicts on them.</summary>
/// <remarks>Routes under <c>/v1/users/{userId}</c> and <c>/v1</c>, in the key's tenant (see <see cref="Handlers"/>).</remarks>
public static class ExplainApi
{
    /// <summary>Maps the principles routes.</summary>
    /// <param name="endpoints">The endpoint route builder.</param>
    /// <returns>The user route group.</returns>
    public static RouteGroupBuilder MapExplainApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        RouteGroupBuilder users = endpoints.MapUserGroup();
        users.MapGet("/principles", ExplainAsync).WithName("Explain")
            .WithSummary("Explain what was learned about the user: principles with their support, held-back accuracy, sources and status");
        users.MapPost("/principles/{principleId}/verdicts", JudgeAsync).WithName("JudgePrinciple")
            .WithSummary("Confirm, correct or delete one of the user's principles (a correction becomes a stated preference)")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        endpoints.MapTenantGroup().MapGet("/principles", ExplainTenantAsync).WithName("ExplainTenant")
            .WithSummary("Explain what was learned across the key's tenant: principles over its users' pooled judgements, with how many users each describes");
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
        return TypedResults.Ok<IReadOnlyList<PrincipleContract>>([.. principles.Select(static p => p.ToContract())]);
    }

    /// <summary>Records the user's verdict on one of their principles.</summary>
    /// <param name="userId">The user.</param>
    /// <param name="principleId">The principle.</param>
    /// <param name="request">The verdict.</param>
    /// <param name="idempotencyKey">Applies the write at most once per key (see <c>docs/service.md</c>).</param>
    /// <param name="principal">The authenticated key.</param>
    /// <param name="engine">The engine.</param>
    /// <param name="httpContext">The request.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>What changed (for a correction, the preference created), or a problem (404 when the user's judgements propose no such principle).</returns>
    public static async Task<Results<Ok<WriteResponse>, ProblemHttpResult>> JudgeAsync(
        string userId,
        string principleId,
        PrincipleVerdictRequest request,
        [FromHeader(Name = KeyedWrites.Header)] string? idempotencyKey,
        ClaimsPrincipal principal,
        IPenchant engine,
        HttpContext httpContext,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var user = Handlers.User(principal, userId);
        RequestValidation.Text(principleId, "principleId", 200);
        PrincipleVerdictKind verdict = request.Verdict ?? throw new ArgumentException("Send 'verdict': confirm, correct or delete.");
        if (verdict == PrincipleVerdictKind.Correct)
        {
            RequestValidation.Text(request.Correction, "correction", Handlers.Limits(httpContext).MaxText);
        }
        else if (request.Correction is not null)
        {
            throw new ArgumentException("Only a 'correct' verdict carries a 'correction'.");
        }

        return await KeyedWrites.RecordAsync(httpContext, engine, user, [new PrincipleVerdict(principleId, verdict, request.Correction, request.At)], idempotencyKey, cancellationToken);
    }

    /// <summary>Explains what was learned across the key's tenant.</summary>
    /// <param name="principal">The authenticated key.</param>
    /// <param name="engine">The engine.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The tenant's principles and how many users and judgements they come from.</returns>
    public static async Task<Ok<TenantExplanationResponse>> ExplainTenantAsync(ClaimsPrincipal principal, IPenchant engine, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engine);
        TenantExplanation explanation = await engine.ExplainTenantAsync(Handlers.Tenant(principal), cancellationToken);
        return TypedResults.Ok(new TenantExplanationResponse(
            [.. explanation.Principles.Select(static p => new TenantPrincipleContract(p.Principle.ToContract(), p.Users))],
            explanation.Users,
            explanation.Judgements,
            explanation.Truncated));
    }
}
