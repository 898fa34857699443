using System.Buffers.Text;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Penchant.Domain;
using Penchant.Server.Contracts;
using Penchant.Storage;

namespace Penchant.Server.Api;

/// <summary>The key's tenant's users: a paged list with counts and last activity, and one user's summary.</summary>
/// <remarks>
/// Routes <c>/v1/users</c> and <c>/v1/users/{userId}</c>, in the key's tenant (see <see cref="Handlers"/>). The cursor is
/// opaque to clients; paging is by user identifier, so users added or deleted while paging never shift later pages.
/// </remarks>
public static class UsersApi
{
    /// <summary>The page size when none is given.</summary>
    public const int DefaultLimit = 50;

    /// <summary>The largest page size accepted.</summary>
    public const int MaxLimit = 500;

    private const string CursorPrefix = "u1:";

    /// <summary>Maps <c>GET /v1/users</c> and <c>GET /v1/users/{userId}</c>.</summary>
    /// <param name="endpoints">The endpoint route builder.</param>
    /// <returns>The endpoint route builder.</returns>
    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGroup("/v1").WithTags("Users").WithApiConventions()
            .MapGet("/users", ListAsync).WithName("ListUsers")
            .WithSummary("List the tenant's users with their counts and last activity, one page at a time");
        endpoints.MapUserGroup()
            .MapGet("/", SummaryAsync).WithName("GetUser")
            .WithSummary("Summarize one user: counts and last activity")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }

    /// <summary>Lists one page of the key's tenant's users.</summary>
    /// <param name="cursor">The <c>nextCursor</c> of the previous page; absent for the first page.</param>
    /// <param name="limit">The page size, 1 to <see cref="MaxLimit"/> (default <see cref="DefaultLimit"/>).</param>
    /// <param name="q">When given, only users whose identifier contains this text (case-sensitive).</param>
    /// <param name="principal">The authenticated key.</param>
    /// <param name="store">The store.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The page, or a problem.</returns>
    public static async Task<Results<Ok<UserPageResponse>, ProblemHttpResult>> ListAsync(
        string? cursor, int? limit, string? q, ClaimsPrincipal principal, IPreferenceStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        int size = limit ?? DefaultLimit;
        if (size is < 1 or > MaxLimit)
        {
            throw new ArgumentException($"The page size 'limit' must be between 1 and {MaxLimit}.", nameof(limit));
        }

        if (q is { Length: > UserKey.MaxIdLength })
        {
            throw new ArgumentException($"The search text 'q' is longer than a user identifier can be ({UserKey.MaxIdLength} characters).", nameof(q));
        }

        string tenant = Handlers.Tenant(principal);
        string? after = cursor is null ? null : DecodeCursor(cursor);

        // One more than asked tells whether another page follows.
        IReadOnlyList<UserSummary> found = await store.ListUserSummariesAsync(tenant, after, size + 1, q, cancellationToken);
        int count = Math.Min(size, found.Count);
        var users = new UserSummaryContract[count];
        for (int i = 0; i < count; i++)
        {
            users[i] = UserSummaryContract.From(found[i]);
        }

        string? next = found.Count > size ? EncodeCursor(found[size - 1].UserId) : null;
        return TypedResults.Ok(new UserPageResponse(users, next));
    }

    /// <summary>Summarizes one user of the key's tenant.</summary>
    /// <param name="userId">The user.</param>
    /// <param name="principal">The authenticated key.</param>
    /// <param name="store">The store.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The summary, or a problem (404 for a user with no events).</returns>
    public static async Task<Results<Ok<UserSummaryContract>, ProblemHttpResult>> SummaryAsync(
        string userId, ClaimsPrincipal principal, IPreferenceStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        UserSummary summary = await store.GetUserSummaryAsync(Handlers.User(principal, userId), cancellationToken)
            ?? throw new NotFoundException("The user has no events in this tenant.");
        return TypedResults.Ok(UserSummaryContract.From(summary));
    }

    /// <summary>Encodes the last user of a page as an opaque cursor.</summary>
    /// <param name="lastUserId">The last user identifier of the page.</param>
    /// <returns>The cursor.</returns>
    internal static string EncodeCursor(string lastUserId) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(CursorPrefix + lastUserId));

    /// <summary>Decodes a cursor made by <see cref="EncodeCursor"/>.</summary>
    /// <param name="cursor">The cursor.</param>
    /// <returns>The last user identifier of the previous page.</returns>
    /// <exception cref="ArgumentException">The cursor was not made by this service.</exception>
    internal static string DecodeCursor(string cursor)
    {
        const string Message = "The cursor is not one this service returned; pass a 'nextCursor' value unchanged, or omit it for the first page.";
        if (cursor.Length is 0 or > 4 * UserKey.MaxIdLength || !Base64Url.IsValid(cursor))
        {
            throw new ArgumentException(Message, nameof(cursor));
        }

        string decoded;
        try
        {
            decoded = new UTF8Encoding(false, true).GetString(Base64Url.DecodeFromChars(cursor));
        }
        catch (DecoderFallbackException)
        {
            throw new ArgumentException(Message, nameof(cursor));
        }

        if (!decoded.StartsWith(CursorPrefix, StringComparison.Ordinal) || decoded.Length == CursorPrefix.Length)
        {
            throw new ArgumentException(Message, nameof(cursor));
        }

        return decoded[CursorPrefix.Length..];
    }
}
