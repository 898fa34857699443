using System.Net;
using System.Text.Json.Nodes;

namespace Penchant.Server;

/// <summary>The committed OpenAPI document (generated at build time) matches what the running service serves.</summary>
public sealed class OpenApiDocumentTests(PenchantServerFactory factory) : IClassFixture<PenchantServerFactory>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CommittedDocument_MatchesGenerated()
    {
        HttpClient client = factory.CreateClient();

        HttpResponseMessage response = await client.GetAsync("/openapi/v1.json", Cancellation);
        JsonNode? served = JsonNode.Parse(await response.Content.ReadAsStringAsync(Cancellation));
        JsonNode? committed = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(BadInputMatrixTests.RepositoryRoot(), "src", "Penchant.Server", "openapi", "v1.json"), Cancellation));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(JsonNode.DeepEquals(served, committed), "src/Penchant.Server/openapi/v1.json is stale: build src/Penchant.Server and commit the regenerated file.");
        Assert.NotNull(committed!["paths"]!["/v1/users/{userId}/select"]);
        Assert.NotNull(committed["components"]!["securitySchemes"]!["ApiKey"]);
    }

    [Fact]
    public async Task ScalarPage_IsServed()
    {
        HttpClient client = factory.CreateClient();

        HttpResponseMessage response = await client.GetAsync("/scalar/v1", Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("text/html", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
    }
}
