using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Penchant.Server;

/// <summary>
/// The service over a PostgreSQL server that cannot be reached (nothing listens on the port): it starts anyway, is live
/// but not ready, and answers every request that needs the database 503 with <c>Retry-After</c>, never 500.
/// </summary>
public sealed class DatabaseUnavailableTests(UnreachableDatabaseServerFactory factory) : IClassFixture<UnreachableDatabaseServerFactory>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Health_DatabaseDown_LiveButNotReady()
    {
        HttpClient client = factory.CreateClient();

        HttpResponseMessage live = await client.GetAsync("/health/live", Cancellation);
        HttpResponseMessage ready = await client.GetAsync("/health/ready", Cancellation);

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
    }

    [Theory]
    [InlineData("POST", "/v1/users/alice/statements", "{\"text\": \"I like tea\"}")]
    [InlineData("GET", "/v1/users/alice/preferences", null)]
    [InlineData("POST", "/v1/users/alice/select", "{\"text\": \"Suggest a drink\"}")]
    [InlineData("DELETE", "/v1/users/alice", null)]
    public async Task Requests_DatabaseDown_Answer503WithRetryAfter(string method, string path, string? body)
    {
        // Arrange: a well-formed key; checking it needs the database.
        HttpClient client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "pk_0123456789ab_" + new string('s', 43));
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null)
        {
            request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        }

        // Act
        HttpResponseMessage response = await client.SendAsync(request, Cancellation);

        // Assert
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(ApiProblems.StoreRetryAfterSeconds), response.Headers.RetryAfter?.Delta);
        using JsonDocument problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancellation));
        Assert.Equal(ApiProblems.StoreUnavailable, problem.RootElement.GetProperty(ApiProblems.ErrorCodeKey).GetString());
        Assert.Equal(ApiProblems.StoreUnavailableDetail, problem.RootElement.GetProperty("detail").GetString());
    }
}
