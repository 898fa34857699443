using Microsoft.AspNetCore.Http.HttpResults;
using Penchant.Domain;
using Penchant.Server.Contracts;

namespace Penchant.Server;

/// <summary>
/// The preferences HTTP API: one user's statements, observations, preferences, selection and event log.
/// </summary>
/// <remarks>
/// Every route works in the <see cref="UserKey.DefaultTenant"/> tenant until authentication assigns tenants from API keys.
/// Bad input answers 400 and unknown preferences 404, as problem details with an <c>errorCode</c>.
/// </remarks>
public static class PreferencesApi
{
    /// <summary>Maps the API under <c>/v1/users/{userId}</c>.</summary>
    /// <param name="endpoints">The endpoint route builder.</param>
    /// <returns>The route group.</returns>
    public static RouteGroupBuilder MapPreferencesApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        RouteGroupBuilder users = endpoints.MapGroup("/v1/users/{userId}").WithTags("Preferences");

        users.MapPost("/statements", RememberAsync).WithName("Remember");
        users.MapPost("/observations", ObserveAsync).WithName("Observe");
        users.MapGet("/preferences", ListAsync).WithName("ListPreferences");
        users.MapGet("/history", HistoryAsync).WithName("History");
        users.MapDelete("/preferences/{preferenceId}", ForgetAsync).WithName("ForgetPreference");
        users.MapDelete("/", ForgetUserAsync).WithName("ForgetUser");
        users.MapPost("/select", SelectAsync).WithName("Select");
        users.MapGet("/events", Export).WithName("ExportEvents");

        return users;
    }

    /// <summary>Remembers a statement the user made.</summary>
    public static async Task<Results<Ok<WriteResponse>, ProblemHttpResult>> RememberAsync(
        string userId, RememberRequest request, IPenchant engine, CancellationToken cancellationToken)
    {
        try
        {
            UserKey user = UserFor(userId);
            var statement = new Statement(request.Text ?? string.Empty, request.At, request.Scope);
            WriteResult result = await engine.RememberAsync(user, statement, cancellationToken);
            return TypedResults.Ok(result.ToContract());
        }
        catch (Exception exception) when (ApiProblems.IsClientError(exception))
        {
            return ApiProblems.From(exception);
        }
    }

    /// <summary>Observes conversation turns and keeps the preferences the user's turns state.</summary>
    public static async Task<Results<Ok<WriteResponse>, ProblemHttpResult>> ObserveAsync(
        string userId, ObserveRequest request, IPenchant engine, CancellationToken cancellationToken)
    {
        try
        {
            UserKey user = UserFor(userId);
            if (request.Turns is not { Count: > 0 })
            {
                throw new ArgumentException("Give at least one turn.", nameof(request));
            }

            WriteResult result = await engine.ObserveAsync(user, request.Turns.ToDomain(), cancellationToken);
            return TypedResults.Ok(result.ToContract());
        }
        catch (Exception exception) when (ApiProblems.IsClientError(exception))
        {
            return ApiProblems.From(exception);
        }
    }

    /// <summary>Lists the user's current preferences, oldest first.</summary>
    public static async Task<Results<Ok<IReadOnlyList<PreferenceContract>>, ProblemHttpResult>> ListAsync(
        string userId, IPenchant engine, CancellationToken cancellationToken)
    {
        try
        {
            IReadOnlyList<Preference> preferences = await engine.ListAsync(UserFor(userId), cancellationToken);
            return TypedResults.Ok(preferences.ToContract());
        }
        catch (Exception exception) when (ApiProblems.IsClientError(exception))
        {
            return ApiProblems.From(exception);
        }
    }

    /// <summary>Lists every preference the user has had, including superseded ones.</summary>
    public static async Task<Results<Ok<IReadOnlyList<PreferenceContract>>, ProblemHttpResult>> HistoryAsync(
        string userId, IPenchant engine, CancellationToken cancellationToken)
    {
        try
        {
            IReadOnlyList<Preference> preferences = await engine.HistoryAsync(UserFor(userId), cancellationToken);
            return TypedResults.Ok(preferences.ToContract());
        }
        catch (Exception exception) when (ApiProblems.IsClientError(exception))
        {
            return ApiProblems.From(exception);
        }
    }

    /// <summary>Forgets one preference and erases the text of the signals it came from.</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> ForgetAsync(
        string userId, string preferenceId, IPenchant engine, CancellationToken cancellationToken)
    {
        try
        {
            await engine.ForgetAsync(UserFor(userId), preferenceId, cancellationToken);
            return TypedResults.NoContent();
        }
        catch (Exception exception) when (ApiProblems.IsClientError(exception))
        {
            return ApiProblems.From(exception);
        }
    }

    /// <summary>Deletes everything stored about a user.</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> ForgetUserAsync(
        string userId, IPenchant engine, CancellationToken cancellationToken)
    {
        try
        {
            bool existed = await engine.ForgetUserAsync(UserFor(userId), cancellationToken);
            return existed ? TypedResults.NoContent() : ApiProblems.From(new NotFoundException($"User '{userId}' has no data."));
        }
        catch (Exception exception) when (ApiProblems.IsClientError(exception))
        {
            return ApiProblems.From(exception);
        }
    }

    /// <summary>Selects the user's preferences that apply to a request.</summary>
    public static async Task<Results<Ok<SelectionResponse>, ProblemHttpResult>> SelectAsync(
        string userId, SelectRequest request, IPenchant engine, CancellationToken cancellationToken)
    {
        try
        {
            UserKey user = UserFor(userId);
            var context = new RequestContext(request.Text ?? string.Empty)
            {
                Attributes = request.Attributes ?? new Dictionary<string, string>(),
                Conversation = request.Conversation.ToDomain(),
            };
            Selection selection = await engine.SelectAsync(user, context, cancellationToken);
            return TypedResults.Ok(selection.ToContract());
        }
        catch (Exception exception) when (ApiProblems.IsClientError(exception))
        {
            return ApiProblems.From(exception);
        }
    }

    /// <summary>Streams the user's event log, oldest first, as a JSON array.</summary>
    public static Results<Ok<IAsyncEnumerable<PreferenceEvent>>, ProblemHttpResult> Export(
        string userId, IPenchant engine, CancellationToken cancellationToken)
    {
        try
        {
            return TypedResults.Ok(engine.ExportAsync(UserFor(userId), cancellationToken));
        }
        catch (Exception exception) when (ApiProblems.IsClientError(exception))
        {
            return ApiProblems.From(exception);
        }
    }

    private static UserKey UserFor(string userId) => UserKey.Create(UserKey.DefaultTenant, userId);
}
