using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;
using Penchant.Server.Writes;

namespace Penchant.Server.Hosting;

/// <summary>
/// Reads a JSON request body once before the endpoint binds it and answers an unreadable one (invalid UTF-8, malformed,
/// nested too deeply, a key twice in one object) with its own problem details and JSON path (<see cref="JsonBodyValidator"/>).
/// An empty body is only marked (<see cref="JsonBindingErrors.EmptyBodyItem"/>): whether it is allowed is the endpoint's
/// to say (<c>POST /v1/train</c> takes none).
/// </summary>
internal sealed class JsonBodyMiddleware(RequestDelegate next, IOptions<ServiceOptions> options)
{
    /// <summary>Handles a request.</summary>
    /// <param name="context">The request.</param>
    /// <returns>A task that completes when the request was handled.</returns>
    public async Task InvokeAsync(HttpContext context)
    {
        HttpRequest request = context.Request;
        IAcceptsMetadata? accepts = context.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>();
        if (accepts?.RequestType is { } requestType)
        {
            context.Items[JsonBindingErrors.RequestTypeItem] = requestType;
        }

        if (accepts is null || !request.HasJsonContentType())
        {
            await next(context);
            return;
        }

        request.EnableBuffering();
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, context.RequestAborted);
        request.Body.Position = 0;

        JsonBodyError? error = JsonBodyValidator.Validate(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), options.Value.MaxJsonDepth);
        if (error is { Code: ApiProblems.EmptyBody })
        {
            context.Items[JsonBindingErrors.EmptyBodyItem] = true;
        }
        else if (error is not null)
        {
            await ApiProblems.From(error).ExecuteAsync(context);
            return;
        }

        await next(context);
    }
}
