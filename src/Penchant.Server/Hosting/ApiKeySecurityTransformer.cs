using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Penchant.Server.Hosting;

/// <summary>
/// Declares the API key (HTTP bearer) security scheme in the OpenAPI document and requires it on every operation, and
/// describes the <c>Idempotency-Key</c> header.
/// </summary>
internal sealed class ApiKeySecurityTransformer : IOpenApiDocumentTransformer
{
    /// <summary>The scheme's name in the document.</summary>
    public const string SchemeName = "ApiKey";

    /// <inheritdoc/>
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        // No servers: the document is the same wherever it is generated, and clients use the origin they fetched it from.
        document.Servers?.Clear();
        document.Info.Title = "Penchant API";
        document.Info.Description = "Learns each user's preferences from what they say and selects exactly those that apply to a request. " +
            "Every request needs an API key ('Authorization: Bearer pk_…'); errors are problem details with an 'errorCode'.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "pk_{keyId}_{secret}",
            Description = "An API key of one tenant, created with 'penchant key create --tenant NAME'.",
        };
        // The XML-comment generator gives request bodies the description of the wrong parameter; the body's schema
        // carries the right one, so drop the body's own.
        foreach (IOpenApiPathItem path in document.Paths.Values)
        {
            if (path.Operations is null)
            {
                continue;
            }

            foreach (OpenApiOperation operation in path.Operations.Values)
            {
                if (operation.RequestBody is OpenApiRequestBody body)
                {
                    body.Description = null;
                }

                foreach (IOpenApiParameter parameter in operation.Parameters ?? [])
                {
                    if (parameter is OpenApiParameter { Name: Api.KeyedWrites.Header } header)
                    {
                        header.Description = "Applies the write at most once: a retry with the same key answers the first write's events " +
                            "with 'Idempotent-Replayed: true' and writes nothing. 1 to 200 printable ASCII characters, scoped to the tenant, user and operation.";
                    }
                }
            }
        }

        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, document)] = [] });
        return Task.CompletedTask;
    }
}
