using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;
using Penchant.Server.Contracts;
using Penchant.Server.Imports;

namespace Penchant.Server.Api;

/// <summary>
/// Bulk import: a JSON Lines upload of many users' signals, one per line, written by a background job with progress,
/// idempotent per line (see <c>docs/service.md</c>, "Bulk import").
/// </summary>
/// <remarks>Routes under <c>/v1/imports</c>, in the key's tenant: another tenant's import looks like one that does not exist.</remarks>
public static class ImportsApi
{
    /// <summary>The media types an upload may be sent as.</summary>
    public static readonly IReadOnlyList<string> MediaTypes = ["application/x-ndjson", "application/jsonl"];

    /// <summary>Maps the routes under <c>/v1/imports</c>.</summary>
    /// <param name="endpoints">The endpoint route builder.</param>
    /// <returns>The route group.</returns>
    public static RouteGroupBuilder MapImportsApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        long maxBytes = endpoints.ServiceProvider.GetRequiredService<IOptions<ImportOptions>>().Value.MaxUploadBytes;
        RouteGroupBuilder imports = endpoints.MapAreaGroup("/v1/imports", "Imports");
        imports.MapPost("", StartAsync).WithName("StartImport")
            .WithSummary("Upload JSON Lines of many users' signals and import them in the background")
            .WithDescription("One signal per line: {\"user\": …, \"kind\": \"statement\" | \"observation\" | \"comparison\" | \"rating\" | \"choice\" | \"edit\", \"key\": optional idempotency key, …the fields of that kind's endpoint}. Answers 202 with the import's progress and its Location; each line is written at most once, so uploading the same file again writes nothing twice.")
            .Accepts<string>(MediaTypes[0], [.. MediaTypes.Skip(1)])
            .WithMetadata(new UploadSizeLimit(maxBytes))
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        imports.MapGet("/{importId}", GetAsync).WithName("GetImport")
            .WithSummary("Read an import's progress: lines read, written, skipped and failed (with line numbers and reasons)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return imports;
    }

    /// <summary>Accepts an upload and queues its import.</summary>
    /// <param name="principal">The authenticated key.</param>
    /// <param name="jobs">The imports.</param>
    /// <param name="options">The import options.</param>
    /// <param name="httpContext">The request.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>202 with the progress, or a problem (400 empty upload, 413 too large, 415 not JSON Lines).</returns>
    internal static async Task<Results<Accepted<ImportResponse>, ProblemHttpResult>> StartAsync(
        ClaimsPrincipal principal, [Microsoft.AspNetCore.Mvc.FromServices] ImportJobs jobs, IOptions<ImportOptions> options, HttpContext httpContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(httpContext);
        string? mediaType = httpContext.Request.ContentType?.Split(';', 2)[0].Trim();
        if (mediaType is null || !MediaTypes.Contains(mediaType, StringComparer.OrdinalIgnoreCase))
        {
            return ApiProblems.Problem(StatusCodes.Status415UnsupportedMediaType, ApiProblems.UnsupportedMediaType, "Unsupported media type",
                $"Send the upload as {string.Join(" or ", MediaTypes)}: one JSON object per line.");
        }

        try
        {
            ImportResponse accepted = await jobs.AcceptAsync(Handlers.Tenant(principal), httpContext.Request.Body, options.Value.MaxUploadBytes, cancellationToken);
            return TypedResults.Accepted($"/v1/imports/{accepted.Id}", accepted);
        }
        catch (UploadTooLargeException ex)
        {
            return ApiProblems.Problem(StatusCodes.Status413PayloadTooLarge, ApiProblems.PayloadTooLarge, "Payload too large", ex.Message);
        }
        catch (ArgumentException ex)
        {
            return ApiProblems.Problem(StatusCodes.Status400BadRequest, ApiProblems.EmptyBody, "Empty upload", ApiProblems.MessageOf(ex));
        }
        catch (Microsoft.AspNetCore.Http.BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return ApiProblems.Problem(StatusCodes.Status413PayloadTooLarge, ApiProblems.PayloadTooLarge, "Payload too large", $"The upload may be at most {options.Value.MaxUploadBytes} bytes.");
        }
    }

    /// <summary>Reads an import's progress.</summary>
    /// <param name="importId">The import.</param>
    /// <param name="principal">The authenticated key.</param>
    /// <param name="jobs">The imports.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The progress, or 404.</returns>
    internal static async Task<Results<Ok<ImportResponse>, ProblemHttpResult>> GetAsync(
        string importId, ClaimsPrincipal principal, [Microsoft.AspNetCore.Mvc.FromServices] ImportJobs jobs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        ImportResponse progress = await jobs.GetAsync(Handlers.Tenant(principal), importId, cancellationToken)
            ?? throw new NotFoundException($"The tenant has no import '{importId}'.");
        return TypedResults.Ok(progress);
    }

    /// <summary>The body limit of the upload route, read by <see cref="Hosting.RequestSizeLimitMiddleware"/> instead of the service-wide one.</summary>
    /// <param name="MaxRequestBodySize">The limit in bytes.</param>
    private sealed record UploadSizeLimit(long? MaxRequestBodySize) : IRequestSizeLimitMetadata;
}
