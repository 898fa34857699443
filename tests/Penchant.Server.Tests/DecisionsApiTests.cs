using System.Net;
using System.Net.Http.Json;
using System.Text;
using Penchant.Server.Contracts;

namespace Penchant.Server;

/// <summary>The native decision routes (<c>/v1/users/{userId}/decisions</c>) over the real HTTP pipeline and SQLite.</summary>
public sealed class DecisionsApiTests(PenchantServerFactory factory) : IClassFixture<PenchantServerFactory>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private const string Body = """
        {
          "context": { "features": { "time": "morning", "user": { "age": 31 } } },
          "actions": [
            { "id": "news", "features": { "kind": "news", "length": 3 } },
            { "id": "sports", "features": { "kind": "sports", "length": 1 } },
            { "id": "music", "features": { "kind": "music", "length": 2 } }
          ],
          "policy": "thompsonSampling"
        }
        """;

    [Fact]
    public async Task DecideThenReward_LogsBothAndTheReportCountsTheReward()
    {
        // Arrange
        HttpClient client = await factory.CreateTenantClientAsync("deciding", Cancellation);
        string user = "d-" + Guid.NewGuid().ToString("N");

        // Act
        HttpResponseMessage decided = await client.PostAsync($"/v1/users/{user}/decisions", Json(Body), Cancellation);
        DecisionResponse decision = (await decided.Content.ReadFromJsonAsync(PenchantJsonContext.Default.DecisionResponse, Cancellation))!;
        HttpResponseMessage rewarded = await client.PostAsJsonAsync($"/v1/users/{user}/decisions/{decision.DecisionId}/reward", new RewardRequest(1.0), Cancellation);
        DecisionReportResponse report = (await client.GetFromJsonAsync($"/v1/users/{user}/decisions/report", PenchantJsonContext.Default.DecisionReportResponse, Cancellation))!;
        string events = await client.GetStringAsync($"/v1/users/{user}/events", Cancellation);

        // Assert
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        Assert.Equal(3, decision.Ranking.Count);
        Assert.Equal(1.0, decision.Ranking.Sum(static r => r.Probability), 9);
        Assert.Equal(decision.Slate[0].Id, decision.Ranking[0].Id);
        Assert.Equal(Deciding.DecisionPolicy.ThompsonSampling, decision.Policy);
        Assert.Equal(HttpStatusCode.OK, rewarded.StatusCode);
        Assert.Equal(1, report.Decisions);
        Assert.Equal(1, report.Rewarded);
        Assert.Contains("\"decision\"", events, StringComparison.Ordinal);
        Assert.Contains("\"reward\"", events, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "context": {}, "actions": [] }""")]
    [InlineData("""{ "context": {}, "actions": [ { "id": "a" }, { "id": "a" } ] }""")]
    [InlineData("""{ "context": { "features": [1, 2] }, "actions": [ { "id": "a" } ] }""")]
    [InlineData("""{ "context": {}, "actions": [ { "id": "a" } ], "slateSize": 2 }""")]
    [InlineData("""{ "context": {}, "actions": [ { "text": "no id" } ] }""")]
    [InlineData("""{ "context": {}, "actions": [ { "id": "a" } ], "decisionId": "has space" }""")]
    [InlineData("""{ "context": {}, "actions": [ { "id": "a" } ], "policy": "bogus" }""")]
    public async Task Decide_BadInput_Answers400AndWritesNothing(string body)
    {
        // Arrange
        HttpClient client = await factory.CreateTenantClientAsync("deciding-bad", Cancellation);
        string user = "d-" + Guid.NewGuid().ToString("N");
        string before = await factory.CountRowsAsync(Cancellation);

        // Act
        HttpResponseMessage response = await client.PostAsync($"/v1/users/{user}/decisions", Json(body), Cancellation);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await factory.CountRowsAsync(Cancellation));
    }

    [Fact]
    public async Task Reward_UnknownDecisionOrAnotherTenants_Answers404()
    {
        // Arrange
        HttpClient owner = await factory.CreateTenantClientAsync("deciding-owner", Cancellation);
        HttpClient other = await factory.CreateTenantClientAsync("deciding-other", Cancellation);
        string user = "d-" + Guid.NewGuid().ToString("N");
        HttpResponseMessage decided = await owner.PostAsync($"/v1/users/{user}/decisions", Json(Body), Cancellation);
        DecisionResponse decision = (await decided.Content.ReadFromJsonAsync(PenchantJsonContext.Default.DecisionResponse, Cancellation))!;

        // Act
        HttpResponseMessage unknown = await owner.PostAsJsonAsync($"/v1/users/{user}/decisions/nope/reward", new RewardRequest(1.0), Cancellation);
        HttpResponseMessage foreign = await other.PostAsJsonAsync($"/v1/users/{user}/decisions/{decision.DecisionId}/reward", new RewardRequest(1.0), Cancellation);
        HttpResponseMessage missing = await owner.PostAsync($"/v1/users/{user}/decisions/{decision.DecisionId}/reward", Json("{}"), Cancellation);

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
    }

    [Fact]
    public async Task Evaluations_UserAndTenant_EstimateOverTheirOwnTenantsDecisionsOnly()
    {
        // Arrange: two users of one tenant decide and are rewarded; another tenant has none.
        HttpClient client = await factory.CreateTenantClientAsync("evaluating", Cancellation);
        HttpClient other = await factory.CreateTenantClientAsync("evaluating-other", Cancellation);
        string[] users = ["e-" + Guid.NewGuid().ToString("N"), "e-" + Guid.NewGuid().ToString("N")];
        foreach (string user in users)
        {
            for (int i = 0; i < 5; i++)
            {
                HttpResponseMessage decided = await client.PostAsync($"/v1/users/{user}/decisions", Json(Body), Cancellation);
                DecisionResponse decision = (await decided.Content.ReadFromJsonAsync(PenchantJsonContext.Default.DecisionResponse, Cancellation))!;
                Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync($"/v1/users/{user}/decisions/{decision.DecisionId}/reward", new RewardRequest(decision.Slate[0].Id == "news" ? 1 : 0), Cancellation)).StatusCode);
            }
        }

        var request = new EvaluatePolicyRequest(Penchant.Deciding.DecisionPolicy.EpsilonGreedy, ExplorationRate: 0.1);

        // Act
        HttpResponseMessage one = await client.PostAsJsonAsync($"/v1/users/{users[0]}/decisions/evaluations", request, Cancellation);
        HttpResponseMessage tenant = await client.PostAsJsonAsync("/v1/decisions/evaluations", request, Cancellation);
        HttpResponseMessage otherTenant = await other.PostAsJsonAsync("/v1/decisions/evaluations", request, Cancellation);
        HttpResponseMessage otherUser = await other.PostAsJsonAsync($"/v1/users/{users[0]}/decisions/evaluations", request, Cancellation);
        HttpResponseMessage noPolicy = await client.PostAsync("/v1/decisions/evaluations", Json("{}"), Cancellation);
        HttpResponseMessage badRate = await client.PostAsync("/v1/decisions/evaluations", Json("""{ "policy": "linUcb", "explorationRate": 2 }"""), Cancellation);

        // Assert
        PolicyEvaluationResponse userReport = (await one.Content.ReadFromJsonAsync(PenchantJsonContext.Default.PolicyEvaluationResponse, Cancellation))!;
        PolicyEvaluationResponse tenantReport = (await tenant.Content.ReadFromJsonAsync(PenchantJsonContext.Default.PolicyEvaluationResponse, Cancellation))!;
        Assert.Equal(5, userReport.Decisions);
        Assert.Equal(10, tenantReport.Decisions);
        Assert.NotNull(tenantReport.DoublyRobust);
        Assert.InRange(tenantReport.DoublyRobust.Value, -0.5, 1.5);
        Assert.Equal(0, (await otherTenant.Content.ReadFromJsonAsync(PenchantJsonContext.Default.PolicyEvaluationResponse, Cancellation))!.Decisions);
        Assert.Equal(0, (await otherUser.Content.ReadFromJsonAsync(PenchantJsonContext.Default.PolicyEvaluationResponse, Cancellation))!.Decisions);
        Assert.Equal(HttpStatusCode.BadRequest, noPolicy.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badRate.StatusCode);
    }

    [Fact]
    public async Task Recommendations_AfterTraining_RecommendTheNextItemWithinTheTenant()
    {
        // Arrange: users of one tenant choose a then b then c (never z); another tenant trains on nothing.
        HttpClient client = await factory.CreateTenantClientAsync("recommending", Cancellation);
        HttpClient other = await factory.CreateTenantClientAsync("recommending-other", Cancellation);
        for (int u = 0; u < 4; u++)
        {
            foreach (string item in new[] { "item-a", "item-b", "item-c" })
            {
                HttpResponseMessage chose = await client.PostAsync($"/v1/users/r{u}/choices", Json($$"""{ "context": "What next?", "candidates": ["{{item}}", "item-z"], "chosen": 0 }"""), Cancellation);
                Assert.True(chose.IsSuccessStatusCode, await chose.Content.ReadAsStringAsync(Cancellation));
            }
        }

        HttpResponseMessage newcomer = await client.PostAsync("/v1/users/newcomer/choices", Json("""{ "context": "What next?", "candidates": ["item-a", "item-z"], "chosen": 0 }"""), Cancellation);

        // Act
        HttpResponseMessage before = await client.GetAsync("/v1/users/newcomer/recommendations", Cancellation);
        HttpResponseMessage trained = await client.PostAsync("/v1/recommendations/train", null, Cancellation);
        RecommendationsResponse after = (await client.GetFromJsonAsync("/v1/users/newcomer/recommendations?count=2", PenchantJsonContext.Default.RecommendationsResponse, Cancellation))!;
        HttpResponseMessage otherTrained = await other.PostAsync("/v1/recommendations/train", null, Cancellation);
        RecommendationsResponse otherAfter = (await other.GetFromJsonAsync("/v1/users/newcomer/recommendations", PenchantJsonContext.Default.RecommendationsResponse, Cancellation))!;
        HttpResponseMessage badCount = await client.GetAsync("/v1/users/newcomer/recommendations?count=0", Cancellation);

        // Assert
        Assert.True(newcomer.IsSuccessStatusCode);
        Assert.Equal("{\"items\":[]}", await before.Content.ReadAsStringAsync(Cancellation));
        Assert.Equal(HttpStatusCode.OK, trained.StatusCode);
        Assert.Contains(after.Items[0].Item, new[] { "item-b", "item-c" });
        Assert.True(after.Items.Count <= 2);
        Assert.DoesNotContain(after.Items, static i => i.Item == "item-a");
        Assert.Equal(HttpStatusCode.OK, otherTrained.StatusCode);
        Assert.Empty(otherAfter.Items);
        Assert.Equal(HttpStatusCode.BadRequest, badCount.StatusCode);
    }
}
