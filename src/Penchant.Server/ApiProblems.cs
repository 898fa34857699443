using Microsoft.AspNetCore.Http.HttpResults;
using Penchant.Storage;

namespace Penchant.Server;

/// <summary>
/// Maps failures to RFC 9457 problem details with a stable <c>errorCode</c> extension that clients can switch on.
/// </summary>
public static class ApiProblems
{
    /// <summary>The name of the problem details extension that carries the error code.</summary>
    public const string ErrorCodeKey = "errorCode";

    /// <summary>The request named an empty, too long or otherwise invalid value (400).</summary>
    public const string InvalidArgument = "invalid_argument";

    /// <summary>The request body or route could not be read (400).</summary>
    public const string InvalidRequest = "invalid_request";

    /// <summary>The user or preference does not exist (404).</summary>
    public const string NotFound = "not_found";

    /// <summary>A concurrent write won; the request can be retried (409).</summary>
    public const string Conflict = "conflict";

    /// <summary>The engine could not complete the operation (500).</summary>
    public const string EngineFailure = "engine_failure";

    /// <summary>Something unexpected failed (500).</summary>
    public const string InternalError = "internal_error";

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
        return TypedResults.Problem(
            detail: status < 500 || exception is PenchantException ? exception.Message : null,
            statusCode: status,
            title: title,
            extensions: new Dictionary<string, object?> { [ErrorCodeKey] = code });
    }

    /// <summary>Classifies an exception as a status code, an error code and a title.</summary>
    /// <param name="exception">The exception.</param>
    /// <returns>The classification.</returns>
    public static (int Status, string Code, string Title) Classify(Exception exception) => exception switch
    {
        NotFoundException => (StatusCodes.Status404NotFound, NotFound, "Not found"),
        ArgumentException => (StatusCodes.Status400BadRequest, InvalidArgument, "Invalid argument"),
        BadHttpRequestException bad => (bad.StatusCode, InvalidRequest, "Invalid request"),
        ConcurrencyException => (StatusCodes.Status409Conflict, Conflict, "Conflict"),
        PenchantException => (StatusCodes.Status500InternalServerError, EngineFailure, "The preference engine failed"),
        _ => (StatusCodes.Status500InternalServerError, InternalError, "Internal error"),
    };

    /// <summary>Adds an <c>errorCode</c> to problem details that were produced without one (for example by model binding or status code pages).</summary>
    /// <param name="context">The problem details being written.</param>
    public static void AddErrorCode(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        int status = context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode;
        string code = status switch
        {
            StatusCodes.Status404NotFound => NotFound,
            StatusCodes.Status409Conflict => Conflict,
            >= 400 and < 500 => InvalidRequest,
            _ => InternalError,
        };
        context.ProblemDetails.Extensions.TryAdd(ErrorCodeKey, code);
    }
}
