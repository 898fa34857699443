using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using MudBlazor.Services;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Penchant.Domain;
using Penchant.Signals;
using Penchant.Server.Dashboard.Components;
using Penchant.Storage;

namespace Penchant.Server.Dashboard;

/// <summary>
/// The dashboard served at <c>/</c>: Blazor static server rendering with enhanced navigation and forms, signed in with an
/// API key held in an encrypted, HTTP-only, secure cookie that names the key's tenant; every page goes through
/// <see cref="IPenchant"/> and the stores in that tenant.
/// </summary>
public static class DashboardSetup
{
    /// <summary>The cookie authentication scheme of the dashboard.</summary>
    public const string Scheme = "PenchantDashboard";

    /// <summary>
    /// The authorization policy of the dashboard's pages: a user signed in with the dashboard's cookie. Pages name this
    /// policy rather than the scheme, because Blazor's <c>AuthorizeRouteView</c> refuses <c>[Authorize]</c> data that
    /// names authentication schemes (it throws, and every signed-in page answered 500).
    /// </summary>
    public const string Policy = "PenchantDashboard";

    /// <summary>The name of the dashboard's cookie.</summary>
    public const string CookieName = "penchant-dashboard";

    /// <summary>The claim holding the presented API key (inside the encrypted cookie only), checked again on every request.</summary>
    internal const string KeyClaim = "penchant:api-key";

    /// <summary>Registers the dashboard's components, cookie sign-in and data service.</summary>
    /// <param name="builder">The application builder.</param>
    /// <returns>The same builder.</returns>
    public static WebApplicationBuilder AddPenchantDashboard(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddRazorComponents();
        builder.Services.AddMudServices();
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddScoped<DashboardData>();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policy, static policy => policy.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser());
        builder.Services.AddAuthentication()
            .AddCookie(Scheme, static options =>
            {
                options.Cookie.Name = CookieName;
                options.Cookie.HttpOnly = true;
                options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.Cookie.Path = "/";
                options.LoginPath = "/signin";
                options.AccessDeniedPath = "/signin";
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.SlidingExpiration = true;
                options.Events.OnValidatePrincipal = ValidateAsync;
            });
        return builder;
    }

    /// <summary>Maps the dashboard pages, the export download and sign-out; call after the API is mapped.</summary>
    /// <param name="app">The application.</param>
    /// <returns>The same application.</returns>
    public static WebApplication MapPenchantDashboard(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapRazorComponents<App>();

        // Downloads and sign-out are plain endpoints on the same cookie; sign-out is a POST with the anti-forgery token.
        app.MapGet("/dashboard/export/{userId}", ExportAsync)
            .RequireAuthorization(Policy)
            .ExcludeFromDescription();
        app.MapPost("/signout", SignOutAsync)
            .RequireAuthorization(Policy)
            .ExcludeFromDescription();
        return app;
    }

    /// <summary>Signs a browser in with an API key.</summary>
    /// <param name="context">The request.</param>
    /// <param name="apiKey">The presented key.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see langword="true"/> if the key is valid and the cookie was issued.</returns>
    internal static async Task<bool> SignInAsync(HttpContext context, string? apiKey, CancellationToken cancellationToken)
    {
        IApiKeyStore keys = context.RequestServices.GetRequiredService<IApiKeyStore>();
        if (string.IsNullOrWhiteSpace(apiKey) || await keys.AuthenticateAsync(apiKey.Trim(), cancellationToken) is not { } found)
        {
            return false;
        }

        var identity = new ClaimsIdentity(
            [new Claim(Tenancy.ApiKeyAuthenticationHandler.TenantClaim, found.TenantId), new Claim(Tenancy.ApiKeyAuthenticationHandler.KeyIdClaim, found.KeyId), new Claim(KeyClaim, apiKey.Trim())],
            Scheme);
        await context.SignInAsync(Scheme, new ClaimsPrincipal(identity));
        return true;
    }

    /// <summary>Gets the tenant of the signed-in key.</summary>
    /// <param name="principal">The cookie's principal.</param>
    /// <returns>The tenant.</returns>
    internal static string TenantOf(ClaimsPrincipal principal) => Tenancy.ApiKeyAuthenticationHandler.TenantOf(principal);

    // A revoked key signs its cookies out at their next request.
    private static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        string? key = context.Principal?.FindFirst(KeyClaim)?.Value;
        IApiKeyStore keys = context.HttpContext.RequestServices.GetRequiredService<IApiKeyStore>();
        if (key is null || await keys.AuthenticateAsync(key, context.HttpContext.RequestAborted) is not { } found
            || !string.Equals(found.TenantId, TenantOf(context.Principal!), StringComparison.Ordinal))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(Scheme);
        }
    }

    private static async Task SignOutAsync(HttpContext context)
    {
        await context.SignOutAsync(Scheme);
        context.Response.Redirect("/signin");
    }

    private static async Task ExportAsync(string userId, HttpContext context, IPenchant engine, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        UserKey user = UserKey.Create(TenantOf(context.User), userId);
        var events = new List<PreferenceEvent>();
        await foreach (PreferenceEvent entry in engine.ExportAsync(user, cancellationToken))
        {
            events.Add(entry);
        }

        context.Response.Headers.ContentDisposition = "attachment; filename=\"penchant-export.json\"";
        await context.Response.WriteAsJsonAsync<IReadOnlyList<PreferenceEvent>>(events, json.Value.SerializerOptions, cancellationToken);
    }
}
