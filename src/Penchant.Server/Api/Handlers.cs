using System.Security.Claims;
using Microsoft.Extensions.Options;
using Penchant.Domain;
using Penchant.Server.Contracts;
using Penchant.Server.Tenancy;
using Penchant.Server.Writes;
using Penchant.Storage;

namespace Penchant.Server.Api;

/// <summary>
/// The plumbing every endpoint shares: the route groups and their conventions (API key, rate limit, problem
/// responses), the mapping of input errors to problem details, the user key (tenant from the key, id from the route),
/// the request limits, and the validation of the bodies several areas read (a request's context, candidates).
/// </summary>
/// <remarks>
/// Every route requires an API key, and works in the key's tenant: the tenant never comes from the URL or the body, so
/// a user of another tenant looks exactly like a user who does not exist. Bad input answers 400, unknown users and
/// preferences 404 and lost write races 409, as problem details with an <c>errorCode</c> (see <c>docs/service.md</c>).
/// </remarks>
internal static class Handlers
{
    /// <summary>The name of the per-key rate limiting policy every route uses.</summary>
    public const string RateLimitPolicy = "per-key";

    /// <summary>Maps a group under <c>/v1/users/{userId}</c> (tag <c>Preferences</c>) with the shared conventions.</summary>
    /// <param name="endpoints">The endpoint route builder.</param>
    /// <returns>The route group.</returns>
    public static RouteGroupBuilder MapUserGroup(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGroup("/v1/users/{userId}").WithTags("Preferences").WithApiConventions();

    /// <summary>Maps a group under <c>/v1</c> for routes of the key's whole tenant (tag <c>Ranking</c>) with the shared conventions.</summary>
    /// <param name="endpoints">The endpoint route builder.</param>
    /// <returns>The route group.</returns>
    public static RouteGroupBuilder MapTenantGroup(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGroup("/v1").WithTags("Ranking").WithApiConventions();

    /// <summary>Maps a group of routes of the key's whole tenant under a prefix, with a tag and the shared conventions.</summary>
    /// <param name="endpoints">The endpoint route builder.</param>
    /// <param name="prefix">The route prefix (for example <c>/v1/webhooks</c>).</param>
    /// <param name="tag">The OpenAPI tag.</param>
    /// <returns>The route group.</returns>
    public static RouteGroupBuilder MapAreaGroup(this IEndpointRouteBuilder endpoints, string prefix, string tag) =>
        endpoints.MapGroup(prefix).WithTags(tag).WithApiConventions();

    /// <summary>Maps a group under <c>/personalizer/v1.0</c> (tag <c>Personalizer</c>), Azure Personalizer's v1.0 routes, with the shared conventions.</summary>
    /// <param name="endpoints">The endpoint route builder.</param>
    /// <returns>The route group.</returns>
    public static RouteGroupBuilder MapPersonalizerGroup(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGroup("/personalizer/v1.0").WithTags("Personalizer").WithApiConventions();

    /// <summary>Gets the user a route names, in the key's tenant.</summary>
    /// <param name="principal">The authenticated key.</param>
    /// <param name="userId">The user identifier from the route.</param>
    /// <returns>The user key.</returns>
    /// <exception cref="ArgumentException">The user identifier is invalid.</exception>
    public static UserKey User(ClaimsPrincipal principal, string userId) =>
        UserKey.Create(ApiKeyAuthenticationHandler.TenantOf(principal), userId);

    /// <summary>Gets the key's tenant.</summary>
    /// <param name="principal">The authenticated key.</param>
    /// <returns>The tenant.</returns>
    public static string Tenant(ClaimsPrincipal principal) => ApiKeyAuthenticationHandler.TenantOf(principal);

    /// <summary>Gets the limits a request is checked against.</summary>
    /// <param name="context">The request.</param>
    /// <returns>The longest text and the most items (turns, candidates, events) one request may carry.</returns>
    public static RequestLimits Limits(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        IServiceProvider services = context.RequestServices;
        return new RequestLimits(
            services.GetRequiredService<IOptions<PenchantOptions>>().Value.MaxTextLength,
            services.GetRequiredService<IOptions<ServiceOptions>>().Value.MaxTurnsPerRequest);
    }

    /// <summary>Validates a request's text, attributes and recent conversation (the body of select and rank) and builds its context.</summary>
    /// <param name="limits">The request's limits.</param>
    /// <param name="text">The request text.</param>
    /// <param name="attributes">The structured attributes.</param>
    /// <param name="conversation">The recent conversation.</param>
    /// <returns>The context.</returns>
    /// <exception cref="ArgumentException">A field is missing, too long or invalid.</exception>
    public static RequestContext Context(
        RequestLimits limits, string? text, IReadOnlyDictionary<string, string>? attributes, IReadOnlyList<TurnContract>? conversation)
    {
        string valid = RequestValidation.Text(text, "text", limits.MaxText);
        RequestValidation.Turns(conversation, "conversation", limits.MaxText, limits.MaxItems, required: false);
        foreach ((string name, string value) in attributes ?? new Dictionary<string, string>())
        {
            RequestValidation.Text(name, "attributes", 200);
            RequestValidation.Text(value, "attributes." + name, limits.MaxText);
        }

        return new RequestContext(valid)
        {
            Attributes = attributes ?? new Dictionary<string, string>(),
            Conversation = conversation.ToDomain(),
        };
    }

    /// <summary>Validates candidates (of a choice or a ranking).</summary>
    /// <param name="limits">The request's limits.</param>
    /// <param name="candidates">The candidates.</param>
    /// <param name="minimum">The fewest candidates accepted.</param>
    /// <returns>The candidates.</returns>
    /// <exception cref="ArgumentException">Too few or too many candidates, or one is invalid.</exception>
    public static IReadOnlyList<string> Candidates(RequestLimits limits, IReadOnlyList<string>? candidates, int minimum)
    {
        if (candidates is null || candidates.Count < minimum)
        {
            throw new ArgumentException($"'candidates' needs at least {minimum} candidate{(minimum == 1 ? string.Empty : "s")}.", nameof(candidates));
        }

        if (candidates.Count > limits.MaxItems)
        {
            throw new ArgumentException($"'candidates' has {candidates.Count} entries; the limit is {limits.MaxItems}.", nameof(candidates));
        }

        for (int i = 0; i < candidates.Count; i++)
        {
            RequestValidation.Text(candidates[i], $"candidates[{i}]", limits.MaxText);
        }

        return candidates;
    }

    internal static RouteGroupBuilder WithApiConventions(this RouteGroupBuilder group) => group
        .RequireAuthorization()
        .RequireRateLimiting(RateLimitPolicy)
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status429TooManyRequests)
        .AddEndpointFilter(ExpectedErrorsAsProblemsAsync);

    /// <summary>
    /// Answers the errors a handler or the engine throws on bad input (<see cref="ArgumentException"/>), unknown users or
    /// preferences (<see cref="NotFoundException"/>) and lost write races (<see cref="ConcurrencyException"/>) with their
    /// problem details; every handler relies on it instead of catching them itself. Anything else reaches the exception
    /// handler (500).
    /// </summary>
    private static async ValueTask<object?> ExpectedErrorsAsProblemsAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (Exception exception) when (ApiProblems.IsClientError(exception) || exception is ConcurrencyException)
        {
            return ApiProblems.From(exception);
        }
    }
}

/// <summary>The limits a request is checked against.</summary>
/// <param name="MaxText">The longest text accepted (<see cref="PenchantOptions.MaxTextLength"/>).</param>
/// <param name="MaxItems">The most turns, candidates, events or ids one request may carry (<see cref="ServiceOptions.MaxTurnsPerRequest"/>).</param>
internal readonly record struct RequestLimits(int MaxText, int MaxItems);
