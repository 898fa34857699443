using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Penchant.Server.Contracts;
using Penchant.Server.Webhooks;
using Penchant.Webhooks;

namespace Penchant.Server.Api;

/// <summary>
/// A tenant's webhooks: register a URL for events, list and delete them, and read every delivery attempt. Deliveries are
/// signed with the webhook's secret, shown once at registration (see <c>docs/service.md</c>, "Webhooks").
/// </summary>
/// <remarks>Routes under <c>/v1/webhooks</c>, in the key's tenant: another tenant's webhook looks like one that does not exist.</remarks>
public static class WebhooksApi
{
    private const int MaxUrlLength = 2_000;
    private const int MaxDeliveriesListed = 500;

    /// <summary>Maps the routes under <c>/v1/webhooks</c>.</summary>
    /// <param name="endpoints">The endpoint route builder.</param>
    /// <returns>The route group.</returns>
    public static RouteGroupBuilder MapWebhooksApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        RouteGroupBuilder hooks = endpoints.MapAreaGroup("/v1/webhooks", "Webhooks");
        hooks.MapPost("", CreateAsync).WithName("CreateWebhook")
            .WithSummary("Register a URL that receives signed notifications of events; the answer shows the signing secret once")
            .ProducesProblem(StatusCodes.Status409Conflict);
        hooks.MapGet("", ListAsync).WithName("ListWebhooks").WithSummary("List the tenant's webhooks (without secrets)");
        hooks.MapGet("/{webhookId}", GetAsync).WithName("GetWebhook").WithSummary("Read one webhook (without its secret)").ProducesProblem(StatusCodes.Status404NotFound);
        hooks.MapDelete("/{webhookId}", DeleteAsync).WithName("DeleteWebhook")
            .WithSummary("Delete a webhook with its pending deliveries and their record").ProducesProblem(StatusCodes.Status404NotFound);
        hooks.MapGet("/{webhookId}/deliveries", DeliveriesAsync).WithName("ListWebhookDeliveries")
            .WithSummary("List a webhook's deliveries, newest first, each with every attempt and its status").ProducesProblem(StatusCodes.Status404NotFound);
        return hooks;
    }

    /// <summary>Registers a webhook.</summary>
    /// <param name="request">The URL and events.</param>
    /// <param name="principal">The authenticated key.</param>
    /// <param name="store">The webhook store.</param>
    /// <param name="publisher">The publisher (its cache of the tenant's webhooks is refreshed).</param>
    /// <param name="options">The webhook options.</param>
    /// <param name="time">The clock.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>201 with the webhook and its secret, or a problem (400 for a bad URL or event, 409 when the tenant has the most webhooks allowed).</returns>
    internal static async Task<Results<Created<WebhookResponse>, ProblemHttpResult>> CreateAsync(
        CreateWebhookRequest request,
        ClaimsPrincipal principal,
        IWebhookStore store,
        [FromServices] WebhookPublisher publisher,
        IOptions<WebhookOptions> options,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        string tenant = Handlers.Tenant(principal);
        string url = ValidUrl(request.Url);
        IReadOnlyList<string> events = ValidEvents(request.Events);
        if ((await store.ListAsync(tenant, cancellationToken)).Count >= options.Value.MaxPerTenant)
        {
            return ApiProblems.Problem(StatusCodes.Status409Conflict, ApiProblems.Conflict, "Too many webhooks",
                $"The tenant has {options.Value.MaxPerTenant} webhooks, the most allowed; delete one first.");
        }

        var webhook = new Webhook(tenant, "wh_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)), url, events,
            "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_'),
            time.GetUtcNow());
        await store.CreateAsync(webhook, cancellationToken);
        publisher.Invalidate(tenant);
        return TypedResults.Created($"/v1/webhooks/{webhook.Id}", ToContract(webhook, withSecret: true));
    }

    /// <summary>Lists the tenant's webhooks, oldest first, without secrets.</summary>
    /// <param name="principal">The authenticated key.</param>
    /// <param name="store">The webhook store.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The webhooks.</returns>
    internal static async Task<Ok<IReadOnlyList<WebhookResponse>>> ListAsync(ClaimsPrincipal principal, IWebhookStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        IReadOnlyList<Webhook> hooks = await store.ListAsync(Handlers.Tenant(principal), cancellationToken);
        return TypedResults.Ok<IReadOnlyList<WebhookResponse>>([.. hooks.Select(static h => ToContract(h, withSecret: false))]);
    }

    /// <summary>Reads one webhook without its secret.</summary>
    /// <param name="webhookId">The webhook.</param>
    /// <param name="principal">The authenticated key.</param>
    /// <param name="store">The webhook store.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The webhook, or 404.</returns>
    internal static async Task<Results<Ok<WebhookResponse>, ProblemHttpResult>> GetAsync(string webhookId, ClaimsPrincipal principal, IWebhookStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        Webhook hook = await store.GetAsync(Handlers.Tenant(principal), webhookId, cancellationToken) ?? throw Missing(webhookId);
        return TypedResults.Ok(ToContract(hook, withSecret: false));
    }

    /// <summary>Deletes a webhook with its deliveries.</summary>
    /// <param name="webhookId">The webhook.</param>
    /// <param name="principal">The authenticated key.</param>
    /// <param name="store">The webhook store.</param>
    /// <param name="publisher">The publisher (its cache of the tenant's webhooks is refreshed).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>204, or 404.</returns>
    internal static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string webhookId, ClaimsPrincipal principal, IWebhookStore store, [FromServices] WebhookPublisher publisher, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(publisher);
        string tenant = Handlers.Tenant(principal);
        if (!await store.DeleteAsync(tenant, webhookId, cancellationToken))
        {
            throw Missing(webhookId);
        }

        publisher.Invalidate(tenant);
        return TypedResults.NoContent();
    }

    /// <summary>Lists a webhook's deliveries, newest first, each with its attempts.</summary>
    /// <param name="webhookId">The webhook.</param>
    /// <param name="limit">The most deliveries, 1 to 500 (default 100).</param>
    /// <param name="principal">The authenticated key.</param>
    /// <param name="store">The webhook store.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The deliveries, or 404.</returns>
    internal static async Task<Results<Ok<IReadOnlyList<WebhookDeliveryContract>>, ProblemHttpResult>> DeliveriesAsync(
        string webhookId, [FromQuery] string? limit, ClaimsPrincipal principal, IWebhookStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        int most = 100;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out most) || most is < 1 or > MaxDeliveriesListed))
        {
            throw new ArgumentException($"'limit' must be a whole number from 1 to {MaxDeliveriesListed}.", nameof(limit));
        }

        string tenant = Handlers.Tenant(principal);
        _ = await store.GetAsync(tenant, webhookId, cancellationToken) ?? throw Missing(webhookId);
        IReadOnlyList<WebhookDelivery> deliveries = await store.ListDeliveriesAsync(tenant, webhookId, most, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<WebhookDeliveryContract>>([.. deliveries.Select(static d => new WebhookDeliveryContract(
            d.Id,
            d.EventType,
            d.Status.ToString().ToLowerInvariant(),
            [.. d.History.Select(static a => new WebhookAttemptContract(a.Number, a.At, a.StatusCode, a.Error, a.DurationMs))],
            d.CreatedAt,
            d.Status == WebhookDeliveryStatus.Pending ? d.NextAttemptAt : null))]);
    }

    private static NotFoundException Missing(string webhookId) => new($"The tenant has no webhook '{webhookId}'.");

    private static WebhookResponse ToContract(Webhook hook, bool withSecret) =>
        new(hook.Id, hook.Url, hook.Events, hook.CreatedAt, withSecret ? hook.Secret : null);

    private static string ValidUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            throw new ArgumentException("'url' is required.", nameof(url));
        }

        if (url.Length > MaxUrlLength)
        {
            throw new ArgumentException($"'url' has {url.Length} characters; the limit is {MaxUrlLength}.", nameof(url));
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out Uri? uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || !string.IsNullOrEmpty(uri.UserInfo))
        {
            throw new ArgumentException("'url' must be an absolute http or https URL without credentials.", nameof(url));
        }

        return uri.ToString();
    }

    private static IReadOnlyList<string> ValidEvents(IReadOnlyList<string>? events)
    {
        if (events is null || events.Count == 0)
        {
            throw new ArgumentException($"'events' needs at least one of: {string.Join(", ", WebhookEvents.All)}.", nameof(events));
        }

        var valid = new List<string>();
        for (int i = 0; i < events.Count; i++)
        {
            string? name = events[i];
            if (name is null || !WebhookEvents.All.Contains(name, StringComparer.Ordinal))
            {
                throw new ArgumentException($"'events[{i}]' is not an event type; use {string.Join(", ", WebhookEvents.All)}.", nameof(events));
            }

            if (valid.Contains(name, StringComparer.Ordinal))
            {
                throw new ArgumentException($"'events[{i}]' ('{name}') is listed twice.", nameof(events));
            }

            valid.Add(name);
        }

        return valid;
    }
}
