using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Penchant.Storage;

namespace Penchant.Server.Tenancy;

/// <summary>
/// Authenticates a request by its API key (<c>Authorization: Bearer pk_…</c>, <c>X-Api-Key: pk_…</c>, or Personalizer's <c>Ocp-Apim-Subscription-Key: pk_…</c>) and gives it
/// the key's tenant. A missing, malformed, unknown or revoked key is answered 401 with problem details.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IApiKeyStore keys,
    IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>The authentication scheme's name.</summary>
    public const string SchemeName = "ApiKey";

    /// <summary>The claim that carries the tenant.</summary>
    public const string TenantClaim = "penchant:tenant";

    /// <summary>The claim that carries the key's public identifier (the rate limiter's partition).</summary>
    public const string KeyIdClaim = "penchant:key";

    /// <summary>The alternative header a key may be sent in.</summary>
    public const string ApiKeyHeader = "X-Api-Key";

    /// <summary>The header Azure Personalizer's clients send their key in; it carries a Penchant API key just the same.</summary>
    public const string SubscriptionKeyHeader = "Ocp-Apim-Subscription-Key";

    private const string FailureItem = "penchant:auth-failure";

    /// <summary>Gets the tenant of an authenticated request.</summary>
    /// <param name="user">The request's principal.</param>
    /// <returns>The tenant.</returns>
    /// <exception cref="InvalidOperationException">The request was not authenticated by an API key (the endpoint lacks <c>RequireAuthorization</c>).</exception>
    public static string TenantOf(ClaimsPrincipal user) =>
        user.FindFirst(TenantClaim)?.Value
        ?? throw new InvalidOperationException("The request has no tenant: map the endpoint inside the authenticated API group.");

    /// <inheritdoc/>
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? presented = ReadKey(Request);
        if (presented is null)
        {
            Context.Items[FailureItem] = ApiProblems.MissingApiKey;
            return AuthenticateResult.NoResult();
        }

        (string KeyId, string TenantId)? found = await keys.AuthenticateAsync(presented, Context.RequestAborted);
        if (found is not { } key)
        {
            Context.Items[FailureItem] = ApiProblems.InvalidApiKey;
            Log.KeyRejected(Logger);
            return AuthenticateResult.Fail("The API key is malformed, unknown or revoked.");
        }

        var identity = new ClaimsIdentity(
            [new Claim(TenantClaim, key.TenantId), new Claim(KeyIdClaim, key.KeyId)],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    /// <inheritdoc/>
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        string code = Context.Items[FailureItem] as string ?? ApiProblems.MissingApiKey;
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails =
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = "Unauthorized",
                Detail = code == ApiProblems.MissingApiKey
                    ? "Send an API key as 'Authorization: Bearer pk_…' (create one with 'penchant key create --tenant NAME')."
                    : "The API key is malformed, unknown or revoked.",
                Extensions = { [ApiProblems.ErrorCodeKey] = code },
            },
        });
    }

    private static string? ReadKey(HttpRequest request)
    {
        string? authorization = request.Headers.Authorization;
        if (!string.IsNullOrEmpty(authorization))
        {
            const string Bearer = "Bearer ";
            return authorization.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase) ? authorization[Bearer.Length..].Trim() : authorization.Trim();
        }

        string? header = request.Headers[ApiKeyHeader];
        if (string.IsNullOrEmpty(header))
        {
            header = request.Headers[SubscriptionKeyHeader];
        }

        return string.IsNullOrEmpty(header) ? null : header.Trim();
    }
}
