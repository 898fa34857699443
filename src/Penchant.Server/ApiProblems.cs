using Microsoft.AspNetCore.Http.HttpResults;
using Penchant.Server.Writes;
using Penchant.Storage;

namespace Penchant.Server;

/// <summary>
/// Maps failures to RFC 9457 problem details with a stable <c>errorCode</c> extension that clients can switch on.
/// The full table of statuses and codes is in <c>docs/service.md</c>.
/// </summary>
public static class ApiProblems
{
    /// <summary>The name of the problem details extension that carries the error code.</summary>
    public const string ErrorCodeKey = "errorCode";

    /// <summary>The request named an empty, too long or otherwise invalid value (400).</summary>
    public const string InvalidArgument = "invalid_argument";

    /// <summary>The request body or route could not be read: malformed JSON, wrong types, invalid UTF-8, nesting too deep (400).</summary>
    public const string InvalidRequest = "invalid_request";

    /// <summary>The request body is not valid JSON (400).</summary>
    public const string MalformedJson = "malformed_json";

    /// <summary>The request body is not valid UTF-8, or a string escapes an unpaired surrogate (400).</summary>
    public const string InvalidUtf8 = "invalid_utf8";

    /// <summary>The request body's JSON is nested deeper than <c>MaxJsonDepth</c> (400).</summary>
    public const string JsonTooDeep = "json_too_deep";

    /// <summary>The request body is empty where the operation needs one (400).</summary>
    public const string EmptyBody = "empty_body";

    /// <summary>A JSON value is not one of an enum's names (400).</summary>
    public const string InvalidEnumValue = "invalid_enum_value";

    /// <summary>The body has a field the request does not have (400).</summary>
    public const string UnknownField = "unknown_field";

    /// <summary>The body has a field twice in one object (400).</summary>
    public const string DuplicateField = "duplicate_field";

    /// <summary>The name of the problem details extension that carries the JSON path of the offending value, when known.</summary>
    public const string JsonPathKey = "jsonPath";

    /// <summary>A text is longer than the engine's limit (400).</summary>
    public const string TextTooLong = "text_too_long";

    /// <summary>The <c>Idempotency-Key</c> header is malformed (400).</summary>
    public const string InvalidIdempotencyKey = "invalid_idempotency_key";

    /// <summary>No API key was sent (401).</summary>
    public const string MissingApiKey = "missing_api_key";

    /// <summary>The API key is malformed, unknown or revoked (401).</summary>
    public const string InvalidApiKey = "invalid_api_key";

    /// <summary>The user or preference does not exist in the key's tenant (404).</summary>
    public const string NotFound = "not_found";

    /// <summary>A concurrent write won; the request can be retried (409).</summary>
    public const string Conflict = "conflict";

    /// <summary>The key's tenant already has a training job queued or running (409); the <c>Location</c> header names it.</summary>
    public const string TrainingInProgress = "training_in_progress";

    /// <summary>The request body is larger than the limit (413).</summary>
    public const string PayloadTooLarge = "payload_too_large";

    /// <summary>The request body is not <c>application/json</c> (415).</summary>
    public const string UnsupportedMediaType = "unsupported_media_type";

    /// <summary>The <c>Idempotency-Key</c> was used before for a different request (422).</summary>
    public const string IdempotencyKeyReused = "idempotency_key_reused";

    /// <summary>The API key made too many requests; retry after the <c>Retry-After</c> seconds (429).</summary>
    public const string RateLimited = "rate_limited";

    /// <summary>The engine could not complete the operation (500).</summary>
    public const string EngineFailure = "engine_failure";

    /// <summary>Something unexpected failed (500).</summary>
    public const string InternalError = "internal_error";

    /// <summary>The training queue is full; retry after the <c>Retry-After</c> seconds (503).</summary>
    public const string TrainingQueueFull = "training_queue_full";

    /// <summary>A training job was cancelled because the service stopped (the error of a failed job, status 503).</summary>
    public const string TrainingCancelled = "training_cancelled";

    /// <summary>The database cannot be reached for now (down, restarting, connections dropped); retry after the <c>Retry-After</c> seconds with the same idempotency key (503).</summary>
    public const string StoreUnavailable = "store_unavailable";

    /// <summary>The <c>Retry-After</c> seconds answered with <see cref="StoreUnavailable"/>.</summary>
    public const int StoreRetryAfterSeconds = 2;

    /// <summary>The detail answered with <see cref="StoreUnavailable"/> (the provider's message may name hosts, so it is logged, not returned).</summary>
    public const string StoreUnavailableDetail = "The database is unavailable for now; retry after the Retry-After delay. A write retried with the same Idempotency-Key is applied at most once.";

    /// <summary>The request took longer than the service's timeout (504).</summary>
    public const string Timeout = "timeout";

    /// <summary>Returns whether a handler should answer the exception itself as a client error.</summary>
    /// <param name="exception">The exception.</param>
    /// <returns><see langword="true"/> for bad input and unknown preferences.</returns>
    public static bool IsClientError(Exception exception) => exception is ArgumentException or NotFoundException;

    /// <summary>Creates the problem result for an exception.</summary>
    /// <param name="exception">The exception.</param>
    /// <returns>The problem details result.</returns>
    public static ProblemHttpResult From(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        (int status, string code, string title) = Classify(exception);
        return Problem(status, code, title, status < 500 || exception is PenchantException ? MessageOf(exception) : null);
    }

    /// <summary>Gets an exception's message for a caller: an <see cref="ArgumentException"/>'s without the framework's <c>(Parameter 'name')</c> suffix.</summary>
    /// <param name="exception">The exception.</param>
    /// <returns>The message.</returns>
    public static string MessageOf(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception is ArgumentException { ParamName: { } name } argument
            ? argument.Message.Replace($" (Parameter '{name}')", string.Empty, StringComparison.Ordinal)
            : exception.Message;
    }

    /// <summary>Creates the problem result of an unreadable JSON body or binding failure.</summary>
    /// <param name="error">The error.</param>
    /// <returns>The problem details result (400).</returns>
    public static ProblemHttpResult From(JsonBodyError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var extensions = new Dictionary<string, object?> { [ErrorCodeKey] = error.Code };
        if (error.Path is not null)
        {
            extensions[JsonPathKey] = error.Path;
        }

        return TypedResults.Problem(detail: error.Detail, statusCode: StatusCodes.Status400BadRequest, title: error.Title, extensions: extensions);
    }

    /// <summary>Creates a problem result.</summary>
    /// <param name="status">The HTTP status.</param>
    /// <param name="code">The error code.</param>
    /// <param name="title">The title.</param>
    /// <param name="detail">The detail, free of user content.</param>
    /// <returns>The problem details result.</returns>
    public static ProblemHttpResult Problem(int status, string code, string title, string? detail) =>
        TypedResults.Problem(
            detail: detail,
            statusCode: status,
            title: title,
            extensions: new Dictionary<string, object?> { [ErrorCodeKey] = code });

    /// <summary>Classifies an exception as a status code, an error code and a title.</summary>
    /// <param name="exception">The exception.</param>
    /// <returns>The classification.</returns>
    public static (int Status, string Code, string Title) Classify(Exception exception) => exception switch
    {
        NotFoundException => (StatusCodes.Status404NotFound, NotFound, "Not found"),
        IdempotencyKeyReusedException => (StatusCodes.Status422UnprocessableEntity, IdempotencyKeyReused, "Idempotency key reused"),
        IdempotencyKeyException => (StatusCodes.Status400BadRequest, InvalidIdempotencyKey, "Invalid idempotency key"),
        TextTooLongException => (StatusCodes.Status400BadRequest, TextTooLong, "Text too long"),
        ArgumentException => (StatusCodes.Status400BadRequest, InvalidArgument, "Invalid argument"),
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => (StatusCodes.Status413PayloadTooLarge, PayloadTooLarge, "Payload too large"),
        BadHttpRequestException bad => (bad.StatusCode, InvalidRequest, "Invalid request"),
        ConcurrencyException => (StatusCodes.Status409Conflict, Conflict, "Conflict"),
        StoreUnavailableException => (StatusCodes.Status503ServiceUnavailable, StoreUnavailable, "Database unavailable"),
        PenchantException => (StatusCodes.Status500InternalServerError, EngineFailure, "The preference engine failed"),
        _ => (StatusCodes.Status500InternalServerError, InternalError, "Internal error"),
    };

    /// <summary>Adds an <c>errorCode</c> to problem details that were produced without one (for example by model binding or status code pages).</summary>
    /// <param name="context">The problem details being written.</param>
    public static void AddErrorCode(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        int status = context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode;
        context.ProblemDetails.Extensions.TryAdd(ErrorCodeKey, CodeFor(status));
    }

    /// <summary>Gets the error code of a status answered without a more specific one.</summary>
    /// <param name="status">The HTTP status.</param>
    /// <returns>The error code.</returns>
    public static string CodeFor(int status) => status switch
    {
        StatusCodes.Status401Unauthorized => MissingApiKey,
        StatusCodes.Status404NotFound => NotFound,
        StatusCodes.Status409Conflict => Conflict,
        StatusCodes.Status413PayloadTooLarge => PayloadTooLarge,
        StatusCodes.Status415UnsupportedMediaType => UnsupportedMediaType,
        StatusCodes.Status429TooManyRequests => RateLimited,
        StatusCodes.Status504GatewayTimeout => Timeout,
        >= 400 and < 500 => InvalidRequest,
        _ => InternalError,
    };
}
