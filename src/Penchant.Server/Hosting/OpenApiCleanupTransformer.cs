using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Penchant.Server.Hosting;

/// <summary>
/// Makes the OpenAPI document give clean generated clients: numbers and integers typed as such (the service also reads
/// numbers written as strings, but that is leniency, not the contract), a request's required fields not nullable (the
/// service answers a missing or null one with <c>400 invalid_argument</c>), the open <c>EventKind</c> typed as a string,
/// and an example on every operation (its path parameters, and its request body when it has one).
/// </summary>
internal sealed class OpenApiCleanupTransformer : IOpenApiDocumentTransformer
{
    private static readonly Dictionary<string, string> ParameterExamples = new(StringComparer.Ordinal)
    {
        ["userId"] = "alice",
        ["preferenceId"] = "pf_0196f0c1d2e37a4b9c8d7e6f5a4b3c2d",
        ["jobId"] = "tj_0196f0c1d2e37a4b9c8d7e6f5a4b3c2d",
        ["decisionId"] = "dc_0196f0c1d2e37a4b9c8d7e6f5a4b3c2d",
        ["eventId"] = "dc_0196f0c1d2e37a4b9c8d7e6f5a4b3c2d",
    };

    private static readonly Dictionary<string, string> BodyExamples = new(StringComparer.Ordinal)
    {
        ["Remember"] = """{"text":"I'm vegetarian, no meat or fish please.","metadata":{"app":"mail","source":"settings"},"ttl":"P7D"}""",
        ["Observe"] = """{"turns":[{"role":"user","content":"Plan a long weekend in Porto."},{"role":"assistant","content":"Here is a plan."},{"role":"user","content":"Always keep it under a hundred words."}],"metadata":{"app":"chat"}}""",
        ["EditPreference"] = """{"text":"I eat fish, but no meat.","strength":0.8}""",
        ["Select"] = """{"text":"Propose a dinner recipe","attributes":{"domain":"cooking"}}""",
        ["ImportEvents"] = """[{"id":"ev_import_1","kind":"statement","text":"On trains I go for window seats.","at":"2026-03-01T09:00:00Z"}]""",
        ["Compare"] = """{"context":"Summarise the meeting.","preferred":"Three bullet points.","rejected":"A long paragraph.","magnitude":"clearly"}""",
        ["Rate"] = """{"context":"Explain DNS.","response":"DNS maps names to addresses.","score":4}""",
        ["Choose"] = """{"context":"Pick a hotel","candidates":["Near the station","By the sea"],"chosen":1}""",
        ["Edit"] = """{"context":"Write to the team","output":"Hello team! 🎉 Great news!","edited":"Hello team, good news."}""",
        ["React"] = """{"turn":"Too long, make it shorter.","request":"Explain DNS.","answer":"DNS is a long story…"}""",
        ["Rank"] = """{"text":"Find a restaurant in Rome","candidates":["A pasta bar","A gluten-free trattoria"]}""",
        ["Train"] = """{"prototypes":4,"epochs":20,"seed":17}""",
        ["Decide"] = """{"context":{"text":"Home page","features":{"device":"mobile"}},"actions":[{"id":"news","text":"Today's news"},{"id":"sport","text":"Sport results"}]}""",
        ["Reward"] = """{"value":1}""",
        ["PersonalizerRank"] = """{"contextFeatures":[{"device":"mobile"}],"actions":[{"id":"news","features":[{"topic":"news"}]},{"id":"sport","features":[{"topic":"sport"}]}]}""",
        ["PersonalizerReward"] = """{"value":1}""",
    };

    /// <inheritdoc/>
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        foreach ((string name, IOpenApiSchema schema) in document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>())
        {
            if (schema is not OpenApiSchema concrete)
            {
                continue;
            }

            if (name == "EventKind")
            {
                concrete.Type = JsonSchemaType.String;
            }

            Clean(concrete, isRequest: name.EndsWith("Request", StringComparison.Ordinal));
        }

        foreach (IOpenApiPathItem path in document.Paths.Values)
        {
            foreach ((HttpMethod _, OpenApiOperation operation) in path.Operations ?? [])
            {
                foreach (IOpenApiParameter parameter in operation.Parameters ?? [])
                {
                    if (parameter is OpenApiParameter { In: ParameterLocation.Path } concrete && ParameterExamples.TryGetValue(concrete.Name ?? string.Empty, out string? example))
                    {
                        concrete.Example = JsonValue.Create(example);
                    }
                }

                if (operation.OperationId is { } id && BodyExamples.TryGetValue(id, out string? body)
                    && operation.RequestBody?.Content is { } content && content.TryGetValue("application/json", out OpenApiMediaType? media))
                {
                    media.Example = JsonNode.Parse(body);
                }
            }
        }

        return Task.CompletedTask;
    }

    private static void Clean(OpenApiSchema schema, bool isRequest)
    {
        // "type": ["integer", "string"] with a digits pattern: the lenient reading of numbers in strings.
        if (schema.Type is { } type && schema.Pattern is not null && (type & JsonSchemaType.String) != 0 && (type & (JsonSchemaType.Integer | JsonSchemaType.Number)) != 0)
        {
            schema.Type = type & ~JsonSchemaType.String;
            schema.Pattern = null;
        }

        foreach ((string property, IOpenApiSchema value) in schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
        {
            if (value is not OpenApiSchema child)
            {
                continue;
            }

            if (isRequest && schema.Required?.Contains(property) == true && child.Type is { } childType && (childType & JsonSchemaType.Null) != 0)
            {
                child.Type = childType & ~JsonSchemaType.Null;
            }

            // A time to live is read by a converter (the schema generator cannot see through it): a duration string or seconds.
            if (isRequest && property == "ttl" && child.Type is null)
            {
                child.Type = JsonSchemaType.String | JsonSchemaType.Integer | JsonSchemaType.Null;
                child.Description ??= "How long it holds: an ISO-8601 duration (\"P7D\", \"PT12H\") or a number of seconds.";
            }

            Clean(child, isRequest: false);
        }

        if (schema.Items is OpenApiSchema items)
        {
            Clean(items, isRequest: false);
        }

        if (schema.AdditionalProperties is OpenApiSchema additional)
        {
            Clean(additional, isRequest: false);
        }
    }
}
