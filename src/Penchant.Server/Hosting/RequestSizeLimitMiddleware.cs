using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Penchant.Server.Hosting;

/// <summary>
/// Refuses a request whose declared body exceeds <see cref="ServiceOptions.MaxRequestBodyBytes"/> with 413 before it
/// is read, and caps undeclared (chunked) bodies at the same size where the server supports it.
/// </summary>
internal sealed class RequestSizeLimitMiddleware(RequestDelegate next, IOptions<ServiceOptions> options, IProblemDetailsService problems)
{
    /// <summary>Handles a request.</summary>
    /// <param name="context">The request.</param>
    /// <returns>A task that completes when the request was handled.</returns>
    public Task InvokeAsync(HttpContext context)
    {
        long max = context.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? options.Value.MaxRequestBodyBytes;
        if (context.Request.ContentLength > max)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = StatusCodes.Status413PayloadTooLarge,
                    Title = "Payload too large",
                    Detail = $"The request body may be at most {max} bytes.",
                    Extensions = { [ApiProblems.ErrorCodeKey] = ApiProblems.PayloadTooLarge },
                },
            }).AsTask();
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = max;
        }

        return next(context);
    }
}
