using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Penchant.Domain;
using Penchant.Learning.Feedback;
using Penchant.Server.Contracts;
using Penchant.Server.Writes;
using Penchant.Signals;

namespace Penchant.Server.Api;

/// <summary>
/// The signals a user gives about answers: comparisons, ratings, choices, edits and reactions. Each appends one event to the
/// user's log and is not idempotent-keyed.
/// </summary>
/// <remarks>Routes under <c>/v1/users/{userId}</c>, in the key's tenant (see <see cref="Handlers"/>).</remarks>
public static class SignalsApi
{
    /// <summary>Maps the comparison, rating, choice, edit and reaction routes under <c>/v1/users/{userId}</c>.</summary>
    /// <param name="endpoints">The endpoint route builder.</param>
    /// <returns>The route group.</returns>
    public static RouteGroupBuilder MapSignalsApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        RouteGroupBuilder users = endpoints.MapUserGroup();

        users.MapPost("/comparisons", CompareAsync).WithName("Compare")
            .WithSummary("Record that the user preferred one of two responses")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        users.MapPost("/ratings", RateAsync).WithName("Rate")
            .WithSummary("Record that the user rated a response on a declared scale")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        users.MapPost("/choices", ChooseAsync).WithName("Choose")
            .WithSummary("Record that the user chose one of the candidates shown")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        users.MapPost("/edits", EditAsync).WithName("Edit")
            .WithSummary("Record how the user edited an output before using it; later requests in similar contexts get the style")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        users.MapPost("/reactions", ReactAsync).WithName("React")
            .WithSummary("Record how the user took an answer, read from their next message")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        return users;
    }

    /// <summary>Records that the user compared two responses and preferred one (at most once per <c>Idempotency-Key</c>).</summary>
    /// <param name="userId">The user.</param>
    /// <param name="request">The comparison.</param>
    /// <param name="idempotencyKey">The <c>Idempotency-Key</c> header, if any.</param>
    /// <param name="principal">The authenticated key.</param>
    /// <param name="engine">The engine.</param>
    /// <param name="httpContext">The request.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>What changed (the appended event), or a problem.</returns>
    public static async Task<Results<Ok<WriteResponse>, ProblemHttpResult>> CompareAsync(
        string userId, CompareRequest request, [FromHeader(Name = KeyedWrites.Header)] string? idempotencyKey,
        ClaimsPrincipal principal, IPenchant engine, HttpContext httpContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(engine);
        UserKey user = Handlers.User(principal, userId);
        Comparison comparison = request.ToSignal(Handlers.Limits(httpContext));
        return await KeyedWrites.RecordAsync(httpContext, engine, user, [comparison], idempotencyKey, cancellationToken);
    }

    /// <summary>Records that the user rated a response on a declared scale (at most once per <c>Idempotency-Key</c>).</summary>
    /// <param name="userId">The user.</param>
    /// <param name="request">The rating.</param>
    /// <param name="idempotencyKey">The <c>Idempotency-Key</c> header, if any.</param>
    /// <param name="principal">The authenticated key.</param>
    /// <param name="engine">The engine.</param>
    /// <param name="httpContext">The request.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>What changed (the appended event), or a problem (400 when the score is outside the scale).</returns>
    public static async Task<Results<Ok<WriteResponse>, ProblemHttpResult>> RateAsync(
        string userId, RateRequest request, [FromHeader(Name = KeyedWrites.Header)] string? idempotencyKey,
        ClaimsPrincipal principal, IPenchant engine, HttpContext httpContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(engine);
        UserKey user = Handlers.User(principal, userId);
        Rating rating = request.ToSignal(Handlers.Limits(httpContext));
        return await KeyedWrites.RecordAsync(httpContext, engine, user, [rating], idempotencyKey, cancellationToken);
    }

    /// <summary>Records that the user chose one of the candidates shown (at most once per <c>Idempotency-Key</c>).</summary>
    /// <param name="userId">The user.</param>
    /// <param name="request">The choice.</param>
    /// <param name="idempotencyKey">The <c>Idempotency-Key</c> header, if any.</param>
    /// <param name="principal">The authenticated key.</param>
    /// <param name="engine">The engine.</param>
    /// <param name="httpContext">The request.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>What changed (the appended event), or a problem (400 when the chosen index is outside the candidates).</returns>
    public static async Task<Results<Ok<WriteResponse>, ProblemHttpResult>> ChooseAsync(
        string userId, ChooseRequest request, [FromHeader(Name = KeyedWrites.Header)] string? idempotencyKey,
        ClaimsPrincipal principal, IPenchant engine, HttpContext httpContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(engine);
        UserKey user = Handlers.User(principal, userId);
        Choice choice = request.ToSignal(Handlers.Limits(httpContext));
        return await KeyedWrites.RecordAsync(httpContext, engine, user, [choice], idempotencyKey, cancellationToken);
    }

    /// <summary>Records that the user edited an output before using it (at most once per <c>Idempotency-Key</c>).</summary>
    /// <param name="userId">The user.</param>
    /// <param name="request">The context, the output and the user's edit of it.</param>
    /// <param name="idempotencyKey">The <c>Idempotency-Key</c> header, if any.</param>
    /// <param name="principal">The authenticated key.</param>
    /// <param name="engine">The engine.</param>
    /// <param name="httpContext">The request.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>What changed (the appended event), or a problem.</returns>
    public static async Task<Results<Ok<WriteResponse>, ProblemHttpResult>> EditAsync(
        string userId, EditRequest request, [FromHeader(Name = KeyedWrites.Header)] string? idempotencyKey,
        ClaimsPrincipal principal, IPenchant engine, HttpContext httpContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(engine);
        UserKey user = Handlers.User(principal, userId);
        return await KeyedWrites.RecordAsync(httpContext, engine, user, [request.ToSignal(Handlers.Limits(httpContext))], idempotencyKey, cancellationToken);
    }

    /// <summary>Records how the user took an answer, read from their next message (at most once per <c>Idempotency-Key</c>).</summary>
    /// <param name="userId">The user.</param>
    /// <param name="request">The next message and what it reacted to.</param>
    /// <param name="idempotencyKey">The <c>Idempotency-Key</c> header, if any.</param>
    /// <param name="principal">The authenticated key.</param>
    /// <param name="engine">The engine.</param>
    /// <param name="httpContext">The request.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The classification and what changed, or a problem.</returns>
    public static async Task<Results<Ok<ReactionResponse>, ProblemHttpResult>> ReactAsync(
        string userId, ReactRequest request, [FromHeader(Name = KeyedWrites.Header)] string? idempotencyKey,
        ClaimsPrincipal principal, IPenchant engine, HttpContext httpContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(engine);
        UserKey user = Handlers.User(principal, userId);
        RequestLimits limits = Handlers.Limits(httpContext);
        string turn = RequestValidation.Text(request.Turn, "turn", limits.MaxText);
        RequestValidation.Optional(request.Request, "request", limits.MaxText);
        RequestValidation.Optional(request.Answer, "answer", limits.MaxText);
        IReadOnlyList<string> applied = request.AppliedPreferenceIds ?? [];
        if (applied.Count > limits.MaxItems)
        {
            throw new ArgumentException($"'appliedPreferenceIds' has {applied.Count} entries; the limit is {limits.MaxItems}.", nameof(request));
        }

        for (int i = 0; i < applied.Count; i++)
        {
            RequestValidation.Text(applied[i], $"appliedPreferenceIds[{i}]", 200);
        }

        var reaction = new Reaction(turn)
        {
            Request = string.IsNullOrWhiteSpace(request.Request) ? null : request.Request,
            Answer = string.IsNullOrWhiteSpace(request.Answer) ? null : request.Answer,
            AppliedPreferenceIds = applied,
            At = request.At,
        };
        WriteResult written = await KeyedWrites.WriteAsync(httpContext, engine, user, [reaction], idempotencyKey, cancellationToken);
        return TypedResults.Ok(ReactionOutcome.From(reaction, written).ToContract());
    }
}
