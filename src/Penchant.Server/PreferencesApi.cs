using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Penchant.Domain;
using Penchant.Server.Contracts;
using Penchant.Server.Tenancy;
using Penchant.Server.Writes;

namespace Penchant.Server;

/// <summary>
/// The preferences HTTP API: one user's statements, observations, preferences, selection and event log.
/// </summary>
/// <remarks>
/// Every route requires an API key, and works in the key's tenant: the tenant never comes from the URL or the body, so
/// a user of another tenant looks exactly like a user who does not exist. Bad input answers 400 and unknown
/// preferences 404, as problem details with an <c>errorCode</c> (see <c>docs/service.md</c>).
/// </remarks>
public static class PreferencesApi
{
    /// <summary>The name of the per-key rate limiting policy the API uses.</summary>
    public const string RateLimitPolicy = "per-key";

    /// <summary>Maps the API under <c>/v1/users/{userId}</c>.</summary>
    /// <param name="endpoints">The endpoint route builder.</param>
    /// <returns>The route group.</returns>
    public static RouteGroupBuilder MapPreferencesApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        RouteGroupBuilder users = endpoints.MapGroup("/v1/users/{userId}")
            .WithTags("Preferences")
            .RequireAuthorization()
            .RequireRateLimiting(RateLimitPolicy)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        users.MapPost("/statements", RememberAsync).WithName("Remember")
            .WithSummary("Remember a statement the user made")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        users.MapPost("/observations", ObserveAsync).WithName("Observe")
            .WithSummary("Observe conversation turns and keep the preferences the user states")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        users.MapGet("/preferences", ListAsync).WithName("ListPreferences").WithSummary("List the user's current preferences");
        users.MapGet("/history", HistoryAsync).WithName("History").WithSummary("List every preference the user has had, superseded ones included");
        users.MapDelete("/preferences/{preferenceId}", ForgetAsync).WithName("ForgetPreference")
            .WithSummary("Forget one preference and erase the text it came from");
        users.MapDelete("/", ForgetUserAsync).WithName("ForgetUser").WithSummary("Delete everything stored about the user");
        users.MapPost("/select", SelectAsync).WithName("Select")
            .WithSummary("Select the user's preferences that apply to a request")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        users.MapGet("/events", Export).WithName("ExportEvents").WithSummary("Export the user's event log, oldest first");
        users.MapPost("/events", ImportAsync).WithName("ImportEvents")
            .WithSummary("Import events (for example another store's export) into the user's log and learn from them")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        users.MapPost("/rebuild", RebuildAsync).WithName("Rebuild")
            .WithSummary("Rebuild the user's preferences by replaying the event log through the current learners");

        return users;
    }

    /// <summary>Remembers a statement the user made.</summary>
    /// <param name="userId">The user.</param>
    /// <param name="request">The statement.</param>
    /// <param name="idempotencyKey">Applies the write at most once per key (see <c>docs/service.md</c>).</param>
    /// <param name="principal">The authenticated key.</param>
    /// <param name="httpContext">The request.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>What changed, or a problem.</returns>
    public static async Task<Results<Ok<WriteResponse>, ProblemHttpResult>> RememberAsync(
        string userId,
        RememberRequest request,
        [FromHeader(Name = IdempotentWriter.Header)] string? idempotencyKey,
        ClaimsPrincipal principal,
        HttpContext httpContext,
        CancellationToken cancellationToken)
    {
        try
        {
            ArgumentNullException.ThrowIfNull(request);
            ArgumentNullException.ThrowIfNull(httpContext);
            UserKey user = UserFor(principal, userId);
            int max = MaxText(httpContext);
            string text = RequestValidation.Text(request.Text, "text", max);
            RequestValidation.Optional(request.Scope, "scope", max);
            var statement = new Statement(text, request.At, string.IsNullOrWhiteSpace(request.Scope) ? null : request.Scope);
            if (idempotencyKey is null)
            {
                IPenchant engine = httpContext.RequestServices.GetRequiredService<IPenchant>();
                return TypedResults.Ok((await engine.RememberAsync(user, statement, cancellationToken)).ToContract());
            }

            IdempotentWriter.Validate(idempotencyKey);
            IdempotentWriter writer = httpContext.RequestServices.GetRequiredService<IdempotentWriter>();
            (WriteResult result, bool replayed) = await writer.RememberAsync(user, idempotencyKey, statement, cancellationToken);
            return Written(httpContext, result, replayed);
        }
        catch (Exception exception) when (ApiProblems.IsClientError(exception))
        {
            return ApiProblems.From(exception);
        }
    }

    /// <summary>Observes conversation turns and keeps the preferences the user's turns state.</summary>
    /// <param name="userId">The user.</param>
    /// <param name="request">The turns.</param>
    /// <param name="idempotencyKey">Applies the write at most once per key (see <c>docs/service.md</c>).</param>
    /// <param name="principal">The authenticated key.</param>
    /// <param name="httpContext">The request.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>What changed, or a problem.</returns>
    public static async Task<Results<Ok<WriteResponse>, ProblemHttpResult>> ObserveAsync(
        string userId,
        ObserveRequest request,
        [FromHeader(Name = IdempotentWriter.Header)] string? idempotencyKey,
        ClaimsPrincipal principal,
        HttpContext httpContext,
        CancellationToken cancellationToken)
    {
        try
        {
            ArgumentNullException.ThrowIfNull(request);
            ArgumentNullException.ThrowIfNull(httpContext);
            UserKey user = UserFor(principal, userId);
            ServiceOptions limits = httpContext.RequestServices.GetRequiredService<IOptions<ServiceOptions>>().Value;
            RequestValidation.Turns(request.Turns, "turns", MaxText(httpContext), limits.MaxTurnsPerRequest, required: true);
            IReadOnlyList<ConversationTurn> turns = request.Turns.ToDomain();
            if (idempotencyKey is null)
            {
                IPenchant engine = httpContext.RequestServices.GetRequiredService<IPenchant>();
                return TypedResults.Ok((await engine.ObserveAsync(user, turns, cancellationToken)).ToContract());
            }

            IdempotentWriter.Validate(idempotencyKey);
            IdempotentWriter writer = httpContext.RequestServices.GetRequiredService<IdempotentWriter>();
            (WriteResult result, bool replayed) = await writer.ObserveAsync(user, idempotencyKey, turns, cancellationToken);
            return Written(httpContext, result, replayed);
        }
        catch (Exception exception) when (ApiProblems.IsClientError(exception))
        {
            return ApiProblems.From(exception);
        }
    }

    /// <summary>Lists the user's current preferences, oldest first (empty for an unknown user).</summary>
    /// <param name="userId">The user.</param>
    /// <param name="principal">The authenticated key.</param>
    /// <param name="engine">The engine.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The preferences, or a problem.</returns>
    public static async Task<Results<Ok<IReadOnlyList<PreferenceContract>>, ProblemHttpResult>> ListAsync(
        string userId, ClaimsPrincipal principal, IPenchant engine, CancellationToken cancellationToken)
    {
        try
        {
            ArgumentNullException.ThrowIfNull(engine);
            IReadOnlyList<Preference> preferences = await engine.ListAsync(UserFor(principal, userId), cancellationToken);
            return TypedResults.Ok(preferences.ToContract());
        }
        catch (Exception exception) when (ApiProblems.IsClientError(exception))
        {
            return ApiProblems.From(exception);
        }
    }

    /// <summary>Lists every preference the user has had, including superseded ones (empty for an unknown user).</summary>
    /// <param name="userId">The user.</param>
    /// <param name="principal">The authenticated key.</param>
    /// <param name="engine">The engine.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The preferences, or a problem.</returns>
    public static async Task<Results<Ok<IReadOnlyList<PreferenceContract>>, ProblemHttpResult>> HistoryAsync(
        string userId, ClaimsPrincipal principal, IPenchant engine, CancellationToken cancellationToken)
    {
        try
        {
            ArgumentNullException.ThrowIfNull(engine);
            IReadOnlyList<Preference> preferences = await engine.HistoryAsync(UserFor(principal, userId), cancellationToken);
            return TypedResults.Ok(preferences.ToContract());
        }
        catch (Exception exception) when (ApiProblems.IsClientError(exception))
        {
            return ApiProblems.From(exception);
        }
    }

    /// <summary>Forgets one preference and erases the text of the signals it came from.</summary>
    /// <param name="userId">The user.</param>
    /// <param name="preferenceId">The preference.</param>
    /// <param name="principal">The authenticated key.</param>
    /// <param name="engine">The engine.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>204, or a problem (404 when the user has no such preference).</returns>
    public static async Task<Results<NoContent, ProblemHttpResult>> ForgetAsync(
        string userId, string preferenceId, ClaimsPrincipal principal, IPenchant engine, CancellationToken cancellationToken)
    {
        try
        {
            ArgumentNullException.ThrowIfNull(engine);
            await engine.ForgetAsync(UserFor(principal, userId), preferenceId, cancellationToken);
            return TypedResults.NoContent();
        }
        catch (Exception exception) when (ApiProblems.IsClientError(exception))
        {
            return ApiProblems.From(exception);
        }
    }

    /// <summary>Deletes everything stored about a user.</summary>
    /// <param name="userId">The user.</param>
    /// <param name="principal">The authenticated key.</param>
    /// <param name="engine">The engine.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>204, or a problem (404 when the user has no data).</returns>
    public static async Task<Results<NoContent, ProblemHttpResult>> ForgetUserAsync(
        string userId, ClaimsPrincipal principal, IPenchant engine, CancellationToken cancellationToken)
    {
        try
        {
            ArgumentNullException.ThrowIfNull(engine);
            bool existed = await engine.ForgetUserAsync(UserFor(principal, userId), cancellationToken);
            return existed ? TypedResults.NoContent() : ApiProblems.From(new NotFoundException("The user has no data."));
        }
        catch (Exception exception) when (ApiProblems.IsClientError(exception))
        {
            return ApiProblems.From(exception);
        }
    }

    /// <summary>Selects the user's preferences that apply to a request.</summary>
    /// <param name="userId">The user.</param>
    /// <param name="request">The request.</param>
    /// <param name="principal">The authenticated key.</param>
    /// <param name="httpContext">The request.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The selection, or a problem.</returns>
    public static async Task<Results<Ok<SelectionResponse>, ProblemHttpResult>> SelectAsync(
        string userId, SelectRequest request, ClaimsPrincipal principal, HttpContext httpContext, CancellationToken cancellationToken)
    {
        try
        {
            ArgumentNullException.ThrowIfNull(request);
            ArgumentNullException.ThrowIfNull(httpContext);
            UserKey user = UserFor(principal, userId);
            int max = MaxText(httpContext);
            ServiceOptions limits = httpContext.RequestServices.GetRequiredService<IOptions<ServiceOptions>>().Value;
            string text = RequestValidation.Text(request.Text, "text", max);
            RequestValidation.Turns(request.Conversation, "conversation", max, limits.MaxTurnsPerRequest, required: false);
            if (request.Attributes is { } attributes)
            {
                foreach ((string name, string value) in attributes)
                {
                    RequestValidation.Text(name, "attributes", 200);
                    RequestValidation.Text(value, "attributes." + name, max);
                }
            }

            var context = new RequestContext(text)
            {
                Attributes = request.Attributes ?? new Dictionary<string, string>(),
                Conversation = request.Conversation.ToDomain(),
            };
            IPenchant engine = httpContext.RequestServices.GetRequiredService<IPenchant>();
            Selection selection = await engine.SelectAsync(user, context, cancellationToken);
            return TypedResults.Ok(selection.ToContract());
        }
        catch (Exception exception) when (ApiProblems.IsClientError(exception))
        {
            return ApiProblems.From(exception);
        }
    }

    /// <summary>Streams the user's event log, oldest first, as a JSON array (empty for an unknown user).</summary>
    /// <param name="userId">The user.</param>
    /// <param name="principal">The authenticated key.</param>
    /// <param name="engine">The engine.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The events, or a problem.</returns>
    public static Results<Ok<IAsyncEnumerable<PreferenceEvent>>, ProblemHttpResult> Export(
        string userId, ClaimsPrincipal principal, IPenchant engine, CancellationToken cancellationToken)
    {
        try
        {
            ArgumentNullException.ThrowIfNull(engine);
            return TypedResults.Ok(engine.ExportAsync(UserFor(principal, userId), cancellationToken));
        }
        catch (Exception exception) when (ApiProblems.IsClientError(exception))
        {
            return ApiProblems.From(exception);
        }
    }

    /// <summary>Imports events into the user's log (their sequence numbers are reassigned) and learns from them.</summary>
    /// <param name="userId">The user.</param>
    /// <param name="events">The events, oldest first, as <c>GET …/events</c> exports them.</param>
    /// <param name="principal">The authenticated key.</param>
    /// <param name="httpContext">The request.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>What changed, or a problem (400 when an event id repeats or is already in the log).</returns>
    public static async Task<Results<Ok<WriteResponse>, ProblemHttpResult>> ImportAsync(
        string userId, IReadOnlyList<PreferenceEvent> events, ClaimsPrincipal principal, HttpContext httpContext, CancellationToken cancellationToken)
    {
        try
        {
            ArgumentNullException.ThrowIfNull(events);
            ArgumentNullException.ThrowIfNull(httpContext);
            UserKey user = UserFor(principal, userId);
            int max = MaxText(httpContext);
            ServiceOptions limits = httpContext.RequestServices.GetRequiredService<IOptions<ServiceOptions>>().Value;
            if (events.Count == 0 || events.Count > limits.MaxTurnsPerRequest)
            {
                throw new ArgumentException($"Import 1 to {limits.MaxTurnsPerRequest} events per request.", nameof(events));
            }

            for (int i = 0; i < events.Count; i++)
            {
                PreferenceEvent ev = events[i] ?? throw new ArgumentException($"Event {i} is null.", nameof(events));
                RequestValidation.Text(ev.Id, $"[{i}].id", 200);
                RequestValidation.Optional(ev.Text, $"[{i}].text", max);
                RequestValidation.Optional(ev.Scope, $"[{i}].scope", max);
                RequestValidation.Optional(ev.Role, $"[{i}].role", 32);
            }

            IPenchant engine = httpContext.RequestServices.GetRequiredService<IPenchant>();
            return TypedResults.Ok((await engine.ImportAsync(user, events, cancellationToken)).ToContract());
        }
        catch (Exception exception) when (ApiProblems.IsClientError(exception))
        {
            return ApiProblems.From(exception);
        }
    }

    /// <summary>Rebuilds the user's preferences by replaying the event log through the current learners.</summary>
    /// <param name="userId">The user.</param>
    /// <param name="principal">The authenticated key.</param>
    /// <param name="engine">The engine.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The current preferences after the rebuild, or a problem.</returns>
    public static async Task<Results<Ok<IReadOnlyList<PreferenceContract>>, ProblemHttpResult>> RebuildAsync(
        string userId, ClaimsPrincipal principal, IPenchant engine, CancellationToken cancellationToken)
    {
        try
        {
            ArgumentNullException.ThrowIfNull(engine);
            IReadOnlyList<Preference> preferences = await engine.RebuildAsync(UserFor(principal, userId), cancellationToken);
            return TypedResults.Ok(preferences.ToContract());
        }
        catch (Exception exception) when (ApiProblems.IsClientError(exception))
        {
            return ApiProblems.From(exception);
        }
    }

    private static Ok<WriteResponse> Written(HttpContext context, WriteResult result, bool replayed)
    {
        if (replayed)
        {
            context.Response.Headers[IdempotentWriter.ReplayedHeader] = "true";
        }

        return TypedResults.Ok(result.ToContract());
    }

    private static int MaxText(HttpContext context) =>
        context.RequestServices.GetRequiredService<IOptions<PenchantOptions>>().Value.MaxTextLength;

    private static UserKey UserFor(ClaimsPrincipal principal, string userId) =>
        UserKey.Create(ApiKeyAuthenticationHandler.TenantOf(principal), userId);
}
