using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Penchant.Domain;
using Penchant.Server.Contracts;
using Penchant.Server.Tenancy;
using Penchant.Server.Writes;
using Penchant.Signals;

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
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .AddEndpointFilter(ClientErrorsAsProblemsAsync);

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
        users.MapPost("/comparisons", CompareAsync).WithName("Compare")
            .WithSummary("Record that the user preferred one of two responses")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        users.MapPost("/ratings", RateAsync).WithName("Rate")
            .WithSummary("Record that the user rated a response on a declared scale")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        users.MapPost("/choices", ChooseAsync).WithName("Choose")
            .WithSummary("Record that the user chose one of the candidates shown")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        users.MapPost("/rank", RankAsync).WithName("Rank")
            .WithSummary("Order candidates the way the user would for a request")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        users.MapPost("/reactions", ReactAsync).WithName("React")
            .WithSummary("Record how the user took an answer, read from their next message")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        endpoints.MapGroup("/v1")
            .WithTags("Ranking")
            .RequireAuthorization()
            .RequireRateLimiting(RateLimitPolicy)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .AddEndpointFilter(ClientErrorsAsProblemsAsync)
            .MapPost("/train", TrainAsync).WithName("Train")
            .WithSummary("Refit the key's tenant's ranking model from its users' comparisons, ratings and choices");

        return users;
    }

    /// <summary>
    /// Answers the input errors a handler or the engine throws (<see cref="ArgumentException"/>, <see cref="NotFoundException"/>)
    /// with their problem details; every handler relies on it instead of catching them itself.
    /// </summary>
    private static async ValueTask<object?> ClientErrorsAsProblemsAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (Exception exception) when (ApiProblems.IsClientError(exception))
        {
            return ApiProblems.From(exception);
        }
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
        [FromHeader(Name = IdempotentWriter.Header)] string? idempotencyKey,
        ClaimsPrincipal principal,
        IPenchant engine,
        HttpContext httpContext,
        CancellationToken cancellationToken)
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
            return TypedResults.Ok((await engine.RememberAsync(user, statement, cancellationToken)).ToContract());
        }

        IdempotentWriter.Validate(idempotencyKey);
        IdempotentWriter writer = httpContext.RequestServices.GetRequiredService<IdempotentWriter>();
        (WriteResult result, bool replayed) = await writer.RememberAsync(user, idempotencyKey, statement, cancellationToken);
        return Written(httpContext, result, replayed);
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
        [FromHeader(Name = IdempotentWriter.Header)] string? idempotencyKey,
        ClaimsPrincipal principal,
        IPenchant engine,
        HttpContext httpContext,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(httpContext);
        UserKey user = UserFor(principal, userId);
        ServiceOptions limits = Limits(httpContext);
        RequestValidation.Turns(request.Turns, "turns", MaxText(httpContext), limits.MaxTurnsPerRequest, required: true);
        IReadOnlyList<ConversationTurn> turns = request.Turns.ToDomain();
        if (idempotencyKey is null)
        {
            return TypedResults.Ok((await engine.ObserveAsync(user, turns, cancellationToken)).ToContract());
        }

        IdempotentWriter.Validate(idempotencyKey);
        IdempotentWriter writer = httpContext.RequestServices.GetRequiredService<IdempotentWriter>();
        (WriteResult result, bool replayed) = await writer.ObserveAsync(user, idempotencyKey, turns, cancellationToken);
        return Written(httpContext, result, replayed);
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
        ArgumentNullException.ThrowIfNull(engine);
        IReadOnlyList<Preference> preferences = await engine.ListAsync(UserFor(principal, userId), cancellationToken);
        return TypedResults.Ok(preferences.ToContract());
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
        ArgumentNullException.ThrowIfNull(engine);
        IReadOnlyList<Preference> preferences = await engine.HistoryAsync(UserFor(principal, userId), cancellationToken);
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
        await engine.ForgetAsync(UserFor(principal, userId), preferenceId, cancellationToken);
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
        bool existed = await engine.ForgetUserAsync(UserFor(principal, userId), cancellationToken);
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
        ArgumentNullException.ThrowIfNull(httpContext);
        UserKey user = UserFor(principal, userId);
        RequestContext context = ContextFrom(httpContext, request.Text, request.Attributes, request.Conversation);
        Selection selection = await engine.SelectAsync(user, context, cancellationToken);
        return TypedResults.Ok(selection.ToContract());
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
        ArgumentNullException.ThrowIfNull(engine);
        return TypedResults.Ok(engine.ExportAsync(UserFor(principal, userId), cancellationToken));
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
        ArgumentNullException.ThrowIfNull(httpContext);
        UserKey user = UserFor(principal, userId);
        int max = MaxText(httpContext);
        ServiceOptions limits = Limits(httpContext);
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
        IReadOnlyList<Preference> preferences = await engine.RebuildAsync(UserFor(principal, userId), cancellationToken);
        return TypedResults.Ok(preferences.ToContract());
    }

    /// <summary>Records that the user compared two responses and preferred one (not idempotent-keyed).</summary>
    /// <param name="userId">The user.</param>
    /// <param name="request">The comparison.</param>
    /// <param name="principal">The authenticated key.</param>
    /// <param name="engine">The engine.</param>
    /// <param name="httpContext">The request.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>What changed (the appended event), or a problem.</returns>
    public static async Task<Results<Ok<WriteResponse>, ProblemHttpResult>> CompareAsync(
        string userId, CompareRequest request, ClaimsPrincipal principal, IPenchant engine, HttpContext httpContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(httpContext);
        UserKey user = UserFor(principal, userId);
        int max = MaxText(httpContext);
        string context = RequestValidation.Text(request.Context, "context", max);
        string preferred = RequestValidation.Text(request.Preferred, "preferred", max);
        string rejected = RequestValidation.Text(request.Rejected, "rejected", max);
        ComparisonMagnitude magnitude = request.Magnitude ?? ComparisonMagnitude.Clearly;
        if (!Enum.IsDefined(magnitude))
        {
            throw new ArgumentException("'magnitude' must be tie, slightly, clearly or much.", nameof(request));
        }

        var comparison = new Comparison(context, preferred, rejected, magnitude, request.At);
        return TypedResults.Ok((await engine.CompareAsync(user, comparison, cancellationToken)).ToContract());
    }

    /// <summary>Records that the user rated a response on a declared scale (not idempotent-keyed).</summary>
    /// <param name="userId">The user.</param>
    /// <param name="request">The rating.</param>
    /// <param name="principal">The authenticated key.</param>
    /// <param name="engine">The engine.</param>
    /// <param name="httpContext">The request.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>What changed (the appended event), or a problem (400 when the score is outside the scale).</returns>
    public static async Task<Results<Ok<WriteResponse>, ProblemHttpResult>> RateAsync(
        string userId, RateRequest request, ClaimsPrincipal principal, IPenchant engine, HttpContext httpContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(httpContext);
        UserKey user = UserFor(principal, userId);
        int max = MaxText(httpContext);
        string context = RequestValidation.Text(request.Context, "context", max);
        string response = RequestValidation.Text(request.Response, "response", max);
        RequestValidation.Optional(request.Attribute, "attribute", max);
        double score = request.Score ?? throw new ArgumentException("'score' is required.", nameof(request));
        double minimum = request.Minimum ?? 1;
        double maximum = request.Maximum ?? 5;
        if (!double.IsFinite(minimum) || !double.IsFinite(maximum) || minimum >= maximum)
        {
            throw new ArgumentException($"The scale is empty: 'minimum' ({minimum}) must be below 'maximum' ({maximum}).", nameof(request));
        }

        if (!double.IsFinite(score) || score < minimum || score > maximum)
        {
            throw new ArgumentException($"'score' ({score}) is outside the scale {minimum} to {maximum}.", nameof(request));
        }

        string? attribute = string.IsNullOrWhiteSpace(request.Attribute) ? null : request.Attribute;
        var rating = new Rating(context, response, score, minimum, maximum, attribute, request.At);
        return TypedResults.Ok((await engine.RateAsync(user, rating, cancellationToken)).ToContract());
    }

    /// <summary>Records that the user chose one of the candidates shown (not idempotent-keyed).</summary>
    /// <param name="userId">The user.</param>
    /// <param name="request">The choice.</param>
    /// <param name="principal">The authenticated key.</param>
    /// <param name="engine">The engine.</param>
    /// <param name="httpContext">The request.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>What changed (the appended event), or a problem (400 when the chosen index is outside the candidates).</returns>
    public static async Task<Results<Ok<WriteResponse>, ProblemHttpResult>> ChooseAsync(
        string userId, ChooseRequest request, ClaimsPrincipal principal, IPenchant engine, HttpContext httpContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(httpContext);
        UserKey user = UserFor(principal, userId);
        int max = MaxText(httpContext);
        string context = RequestValidation.Text(request.Context, "context", max);
        IReadOnlyList<string> candidates = Candidates(httpContext, request.Candidates, minimum: 2);
        int chosen = request.Chosen ?? throw new ArgumentException("'chosen' is required.", nameof(request));
        if (chosen < 0 || chosen >= candidates.Count)
        {
            throw new ArgumentException($"'chosen' ({chosen}) is outside the {candidates.Count} candidates.", nameof(request));
        }

        var choice = new Choice(context, candidates, chosen, request.At);
        return TypedResults.Ok((await engine.ChooseAsync(user, choice, cancellationToken)).ToContract());
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
        ArgumentNullException.ThrowIfNull(httpContext);
        UserKey user = UserFor(principal, userId);
        RequestContext context = ContextFrom(httpContext, request.Text, request.Attributes, request.Conversation);
        IReadOnlyList<string> candidates = Candidates(httpContext, request.Candidates, minimum: 1);
        CandidateRanking ranking = await engine.RankAsync(user, context, candidates, cancellationToken);
        return TypedResults.Ok(ranking.ToContract());
    }

    /// <summary>Records how the user took an answer, read from their next message (not idempotent-keyed).</summary>
    /// <param name="userId">The user.</param>
    /// <param name="request">The next message and what it reacted to.</param>
    /// <param name="principal">The authenticated key.</param>
    /// <param name="engine">The engine.</param>
    /// <param name="httpContext">The request.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The classification and what changed, or a problem.</returns>
    public static async Task<Results<Ok<ReactionResponse>, ProblemHttpResult>> ReactAsync(
        string userId, ReactRequest request, ClaimsPrincipal principal, IPenchant engine, HttpContext httpContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(httpContext);
        UserKey user = UserFor(principal, userId);
        int max = MaxText(httpContext);
        ServiceOptions limits = Limits(httpContext);
        string turn = RequestValidation.Text(request.Turn, "turn", max);
        RequestValidation.Optional(request.Request, "request", max);
        RequestValidation.Optional(request.Answer, "answer", max);
        IReadOnlyList<string> applied = request.AppliedPreferenceIds ?? [];
        if (applied.Count > limits.MaxTurnsPerRequest)
        {
            throw new ArgumentException($"'appliedPreferenceIds' has {applied.Count} entries; the limit is {limits.MaxTurnsPerRequest}.", nameof(request));
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
        return TypedResults.Ok((await engine.ReactAsync(user, reaction, cancellationToken)).ToContract());
    }

    /// <summary>Refits the key's tenant's ranking model from its users' comparisons, ratings and choices (the tenant comes from the key only).</summary>
    /// <param name="request">How to train; the defaults when the body is absent.</param>
    /// <param name="principal">The authenticated key.</param>
    /// <param name="engine">The engine.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>What was fitted, or a problem.</returns>
    public static async Task<Results<Ok<TrainingResponse>, ProblemHttpResult>> TrainAsync(
        [FromBody(EmptyBodyBehavior = Microsoft.AspNetCore.Mvc.ModelBinding.EmptyBodyBehavior.Allow)] TrainRequest? request,
        ClaimsPrincipal principal,
        IPenchant engine,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engine);
        string tenant = ApiKeyAuthenticationHandler.TenantOf(principal);
        var defaults = new TrainingOptions();
        var options = new TrainingOptions
        {
            Prototypes = InRange(request?.Prototypes ?? defaults.Prototypes, 0, 64, "prototypes"),
            SkewRank = InRange(request?.SkewRank ?? defaults.SkewRank, 0, 32, "skewRank"),
            Epochs = InRange(request?.Epochs ?? defaults.Epochs, 1, 1000, "epochs"),
            Seed = request?.Seed ?? defaults.Seed,
        };
        TrainingReport report = await engine.TrainAsync(tenant, options, cancellationToken);
        return TypedResults.Ok(report.ToContract());
    }

    private static int InRange(int value, int minimum, int maximum, string field) =>
        value >= minimum && value <= maximum
            ? value
            : throw new ArgumentException($"'{field}' ({value}) must be between {minimum} and {maximum}.", field);

    private static IReadOnlyList<string> Candidates(HttpContext context, IReadOnlyList<string>? candidates, int minimum)
    {
        int max = MaxText(context);
        ServiceOptions limits = Limits(context);
        if (candidates is null || candidates.Count < minimum)
        {
            throw new ArgumentException($"'candidates' needs at least {minimum} candidate{(minimum == 1 ? string.Empty : "s")}.", nameof(candidates));
        }

        if (candidates.Count > limits.MaxTurnsPerRequest)
        {
            throw new ArgumentException($"'candidates' has {candidates.Count} entries; the limit is {limits.MaxTurnsPerRequest}.", nameof(candidates));
        }

        for (int i = 0; i < candidates.Count; i++)
        {
            RequestValidation.Text(candidates[i], $"candidates[{i}]", max);
        }

        return candidates;
    }

    /// <summary>Validates a request's text, attributes and recent conversation (the body of select and rank) and builds its context.</summary>
    private static RequestContext ContextFrom(
        HttpContext httpContext, string? text, IReadOnlyDictionary<string, string>? attributes, IReadOnlyList<TurnContract>? conversation)
    {
        int max = MaxText(httpContext);
        string valid = RequestValidation.Text(text, "text", max);
        RequestValidation.Turns(conversation, "conversation", max, Limits(httpContext).MaxTurnsPerRequest, required: false);
        foreach ((string name, string value) in attributes ?? new Dictionary<string, string>())
        {
            RequestValidation.Text(name, "attributes", 200);
            RequestValidation.Text(value, "attributes." + name, max);
        }

        return new RequestContext(valid)
        {
            Attributes = attributes ?? new Dictionary<string, string>(),
            Conversation = conversation.ToDomain(),
        };
    }

    private static Ok<WriteResponse> Written(HttpContext context, WriteResult result, bool replayed)
    {
        if (replayed)
        {
            context.Response.Headers[IdempotentWriter.ReplayedHeader] = "true";
        }

        return TypedResults.Ok(result.ToContract());
    }

    private static ServiceOptions Limits(HttpContext context) =>
        context.RequestServices.GetRequiredService<IOptions<ServiceOptions>>().Value;

    private static int MaxText(HttpContext context) =>
        context.RequestServices.GetRequiredService<IOptions<PenchantOptions>>().Value.MaxTextLength;

    private static UserKey UserFor(ClaimsPrincipal principal, string userId) =>
        UserKey.Create(ApiKeyAuthenticationHandler.TenantOf(principal), userId);
}
