using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Penchant.Searching;
using Penchant.Server.Contracts;
using Penchant.Server.Writes;

namespace Penchant.Server.Api;

/// <summary>
/// Search over one user's current preferences by meaning and words ("what do you know about my diet?"), without the
/// applicability gate of select.
/// </summary>
/// <remarks>Routes under <c>/v1/users/{userId}</c>, in the key's tenant (see <see cref="Handlers"/>).</remarks>
public static class SearchApi
{
    /// <summary>Maps <c>GET /v1/users/{userId}/preferences/search</c>.</summary>
    /// <param name="endpoints">The endpoint route builder.</param>
    /// <returns>The route group.</returns>
    public static RouteGroupBuilder MapSearchApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        RouteGroupBuilder users = endpoints.MapUserGroup();
        users.MapGet("/preferences/search", SearchAsync).WithName("SearchPreferences")
            .WithSummary("Search the user's current preferences by meaning and words")
            .WithDescription("Ranks every current preference that has not expired for the query by the cosine of sentence embeddings and by BM25 over the preference texts, fused by reciprocal rank fusion; no applicability gate. metadata.<key>=<value> query parameters keep only the preferences with that metadata. Each match carries its fused score and both parts.");
        return users;
    }

    /// <summary>Searches the user's current preferences.</summary>
    /// <param name="userId">The user.</param>
    /// <param name="q">What to look for.</param>
    /// <param name="limit">The most matches to return, 1 to 100 (default 10).</param>
    /// <param name="principal">The authenticated key.</param>
    /// <param name="engine">The engine.</param>
    /// <param name="httpContext">The request (its query holds the metadata filter).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The matches, best first, or a problem (400 for an empty query or a limit out of range).</returns>
    public static async Task<Results<Ok<SearchResponse>, ProblemHttpResult>> SearchAsync(
        string userId,
        [FromQuery] string? q,
        [FromQuery] string? limit,
        ClaimsPrincipal principal,
        IPenchant engine,
        HttpContext httpContext,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engine);
        Penchant.Domain.UserKey user = Handlers.User(principal, userId);
        string text = RequestValidation.Text(q, "q", Handlers.Limits(httpContext).MaxText);
        int most = 10;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out most) || most is < 1 or > PreferenceSearch.MaxLimit))
        {
            throw new ArgumentException($"'limit' must be a whole number from 1 to {PreferenceSearch.MaxLimit}.", nameof(limit));
        }

        var search = new PreferenceSearch(text) { Limit = most, Filter = MetadataQuery.Filter(httpContext) };
        IReadOnlyList<PreferenceMatch> matches = await engine.SearchAsync(user, search, cancellationToken);
        var contracts = new SearchMatchContract[matches.Count];
        for (int i = 0; i < contracts.Length; i++)
        {
            PreferenceMatch m = matches[i];
            contracts[i] = new SearchMatchContract(m.Preference.ToContract(), m.Score, m.Semantic, m.Lexical, m.SemanticRank, m.LexicalRank);
        }

        return TypedResults.Ok(new SearchResponse(contracts));
    }
}
