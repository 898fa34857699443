using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Penchant.Server.Contracts;

namespace Penchant.Server;

/// <summary>Per-key rate limiting: a key beyond its budget gets 429 <c>rate_limited</c> with Retry-After; other keys are unaffected.</summary>
public sealed class ServiceLimitsTests(LimitedServerFactory factory) : IClassFixture<LimitedServerFactory>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RateLimit_KeyOverBudget_Returns429WithRetryAfter_OtherKeyUnaffected()
    {
        HttpClient busy = await factory.CreateTenantClientAsync("limited", Cancellation);
        HttpClient quiet = await factory.CreateTenantClientAsync("limited", Cancellation);
        string rowsBefore;

        // The burst is 2: the first two pass, the third within the same second is refused
        Assert.Equal(HttpStatusCode.OK, (await busy.GetAsync("/v1/users/x/preferences", Cancellation)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await busy.GetAsync("/v1/users/x/preferences", Cancellation)).StatusCode);
        rowsBefore = await factory.CountRowsAsync(Cancellation);
        HttpResponseMessage refused = await busy.PostAsJsonAsync("/v1/users/x/statements", new RememberRequest("I like tea."), Cancellation);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.Contains("Retry-After"));
        using JsonDocument problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync(Cancellation));
        Assert.Equal(ApiProblems.RateLimited, problem.RootElement.GetProperty("errorCode").GetString());
        Assert.Equal(rowsBefore, await factory.CountRowsAsync(Cancellation));
        Assert.Equal(HttpStatusCode.OK, (await quiet.GetAsync("/v1/users/x/preferences", Cancellation)).StatusCode);
    }

    [Fact]
    public async Task Health_IsNotRateLimitedOrAuthenticated()
    {
        HttpClient client = factory.CreateClient();

        for (int i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live", Cancellation)).StatusCode);
        }
    }
}
