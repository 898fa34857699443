using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Penchant.Domain;
using Penchant.Server.Contracts;
using Penchant.Server.Writes;
using Penchant.Signals;

namespace Penchant.Server.Api;

/// <summary>
/// What the service remembers about one user: statements and observed conversations in, preferences, history and the
/// event log out, forgetting, import, rebuild, and the selection of the preferences that apply to a request.
/// </summary>
/// <remarks>Routes under <c>/v1/users/{userId}</c>, in the key's tenant (see <see cref="Handlers"/>).</remarks>
public static class MemoryApi
{
    /// <summary>Maps the memory routes under <c>/v1/users/{userId}</c>.</summary>
    /// <param name="endpoints">The endpoint route builder.</param>
    /// <returns>The route group.</returns>
    public static RouteGroupBuilder MapMemoryApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        RouteGroupBuilder users = endpoints.MapUserGroup();

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
    /// <param name="engine">The engine.</param>
    /// <param name="httpContext">The request.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>What changed, or a problem.</returns>
    public static async Task<Results<Ok<WriteResponse>, ProblemHttpResult>> RememberAsync(
        string userId,
        RememberRequest request,
        [FromHeader(Name = KeyedWrites.Header)] string? idempotencyKey,
        ClaimsPrincipal principal,
        IPenchant engine,
        HttpContext httpContext,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        UserKey user = Handlers.User(principal, userId);
        Statement statement = request.ToSignal(Handlers.Limits(httpContext));
        return await KeyedWrites.RecordAsync(httpContext, engine, user, [statement], idempotencyKey, cancellationToken);
    }

    /// <summary>Observes conversation turns and keeps the preferences the user's turns state.</summary>
    /// <param name="userId">The user.</param>
    /// <param name="request">The turns.</param>
    /// <param name="idempotencyKey">Applies the write at most once per key (see <c>docs/service.md</c>).</param>
    /// <param name="principal">The authenticated key.</param>
    /// <param name="engine">The engine.</param>
    /// <param name="httpContext">The request.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>What changed, or a problem.</returns>
    public static async Task<Results<Ok<WriteResponse>, ProblemHttpResult>> ObserveAsync(
        string userId,
        ObserveRequest request,
        [FromHeader(Name = KeyedWrites.Header)] string? idempotencyKey,
        ClaimsPrincipal principal,
        IPenchant engine,
        HttpContext httpContext,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        UserKey user = Handlers.User(principal, userId);
        ConversationTurn[] turns = request.ToSignals(Handlers.Limits(httpContext));
        return await KeyedWrites.RecordAsync(httpContext, engine, user, turns, idempotencyKey, cancellationToken);
    }

    /// <summary>
    /// Lists the user's current preferences that have not expired, oldest first (empty for an unknown user); only those
    /// whose metadata matches every <c>metadata.&lt;key&gt;=&lt;value&gt;</c> query parameter.
    /// </summary>
    /// <param name="userId">The user.</param>
    /// <param name="principal">The authenticated key.</param>
    /// <param name="engine">The engine.</param>
    /// <param name="httpContext">The request (its query holds the metadata filter).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The preferences, or a problem.</returns>
    public static async Task<Results<Ok<IReadOnlyList<PreferenceContract>>, ProblemHttpResult>> ListAsync(
        string userId, ClaimsPrincipal principal, IPenchant engine, HttpContext httpContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engine);
        UserKey user = Handlers.User(principal, userId);
        MetadataFilter filter = MetadataQuery.Filter(httpContext);
        IReadOnlyList<Preference> preferences = await engine.ListAsync(user, filter, cancellationToken);
        return TypedResults.Ok(preferences.ToContract());
    }

    /// <summary>Lists every preference the user has had, including superseded ones (empty for an unknown user).</summary>
    /// <param name="userId">The user.</param>
    /// <param name="principal">The authenticated key.</param>
    /// <param name="engine">The engine.</param>
    /// <param name="httpContext">The request (its query holds the metadata filter, as for listing).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The preferences, or a problem.</returns>
    public static async Task<Results<Ok<IReadOnlyList<PreferenceContract>>, ProblemHttpResult>> HistoryAsync(
        string userId, ClaimsPrincipal principal, IPenchant engine, HttpContext httpContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engine);
        UserKey user = Handlers.User(principal, userId);
        MetadataFilter filter = MetadataQuery.Filter(httpContext);
        IReadOnlyList<Preference> preferences = await engine.HistoryAsync(user, filter, cancellationToken);
        return TypedResults.Ok(preferences.ToContract());
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
        ArgumentNullException.ThrowIfNull(engine);
        await engine.ForgetAsync(Handlers.User(principal, userId), preferenceId, cancellationToken);
        return TypedResults.NoContent();
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
        ArgumentNullException.ThrowIfNull(engine);
        bool existed = await engine.ForgetUserAsync(Handlers.User(principal, userId), cancellationToken);
        return existed ? TypedResults.NoContent() : ApiProblems.From(new NotFoundException("The user has no data."));
    }

    /// <summary>Selects the user's preferences that apply to a request.</summary>
    /// <param name="userId">The user.</param>
    /// <param name="request">The request.</param>
    /// <param name="principal">The authenticated key.</param>
    /// <param name="engine">The engine.</param>
    /// <param name="httpContext">The request.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The selection, or a problem.</returns>
    public static async Task<Results<Ok<SelectionResponse>, ProblemHttpResult>> SelectAsync(
        string userId, SelectRequest request, ClaimsPrincipal principal, IPenchant engine, HttpContext httpContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(engine);
        UserKey user = Handlers.User(principal, userId);
        RequestContext context = Handlers.Context(Handlers.Limits(httpContext), request.Text, request.Attributes, request.Conversation) with
        {
            Filter = MetadataQuery.Filter(httpContext),
        };
        Selection selection = await engine.SelectAsync(user, context, cancellationToken);
        return TypedResults.Ok(selection.ToContract());
    }

    /// <summary>
    /// Streams the user's event log, oldest first, as a JSON array (empty for an unknown user); only the events whose metadata
    /// matches every <c>metadata.&lt;key&gt;=&lt;value&gt;</c> query parameter.
    /// </summary>
    /// <param name="userId">The user.</param>
    /// <param name="principal">The authenticated key.</param>
    /// <param name="engine">The engine.</param>
    /// <param name="httpContext">The request (its query holds the metadata filter).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The events, or a problem.</returns>
    public static Results<Ok<IAsyncEnumerable<PreferenceEvent>>, ProblemHttpResult> Export(
        string userId, ClaimsPrincipal principal, IPenchant engine, HttpContext httpContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engine);
        UserKey user = Handlers.User(principal, userId);
        MetadataFilter filter = MetadataQuery.Filter(httpContext);
        IAsyncEnumerable<PreferenceEvent> events = engine.ExportAsync(user, cancellationToken);
        return TypedResults.Ok(filter.IsEmpty ? events : events.Where(e => filter.Matches(e.Metadata)));
    }

    /// <summary>Imports events into the user's log (their sequence numbers are reassigned) and learns from them.</summary>
    /// <param name="userId">The user.</param>
    /// <param name="events">The events, oldest first, as <c>GET …/events</c> exports them.</param>
    /// <param name="principal">The authenticated key.</param>
    /// <param name="engine">The engine.</param>
    /// <param name="httpContext">The request.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>What changed, or a problem (400 when an event id repeats or is already in the log).</returns>
    public static async Task<Results<Ok<WriteResponse>, ProblemHttpResult>> ImportAsync(
        string userId, IReadOnlyList<PreferenceEvent> events, ClaimsPrincipal principal, IPenchant engine, HttpContext httpContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(engine);
        UserKey user = Handlers.User(principal, userId);
        RequestLimits limits = Handlers.Limits(httpContext);
        if (events.Count == 0 || events.Count > limits.MaxItems)
        {
            throw new ArgumentException($"Import 1 to {limits.MaxItems} events per request.", nameof(events));
        }

        for (int i = 0; i < events.Count; i++)
        {
            PreferenceEvent ev = events[i] ?? throw new ArgumentException($"Event {i} is null.", nameof(events));
            RequestValidation.Text(ev.Id, $"[{i}].id", 200);
            RequestValidation.Optional(ev.Text, $"[{i}].text", limits.MaxText);
            RequestValidation.Optional(ev.Scope, $"[{i}].scope", limits.MaxText);
            RequestValidation.Optional(ev.Role, $"[{i}].role", 32);
            PreferenceMetadata.Validate(ev.Metadata, $"[{i}].metadata");
        }

        return TypedResults.Ok((await engine.ImportAsync(user, events, cancellationToken)).ToContract());
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
        ArgumentNullException.ThrowIfNull(engine);
        IReadOnlyList<Preference> preferences = await engine.RebuildAsync(Handlers.User(principal, userId), cancellationToken);
        return TypedResults.Ok(preferences.ToContract());
    }
}
