using System.Net;
using System.Text;
using System.Text.Json;

namespace Penchant.Server;

/// <summary>
/// Azure Personalizer's v1.0 routes, called the way a Personalizer client calls them: raw JSON in Personalizer's shapes,
/// the key in <c>Ocp-Apim-Subscription-Key</c>.
/// </summary>
public sealed class PersonalizerApiTests(PenchantServerFactory factory) : IClassFixture<PenchantServerFactory>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static string RankBody(string eventId, bool defer = false) => $$"""
        {
          "contextFeatures": [ { "timeOfDay": "Morning" }, { "user": { "profileType": "AnonymousUser", "latlong": [47.6, -122.1] } } ],
          "actions": [
            { "id": "NewsArticle", "features": [ { "type": "News" } ] },
            { "id": "SportsArticle", "features": [ { "type": "Sports" } ] },
            { "id": "EntertainmentArticle", "features": [ { "type": "Media" }, { "length": 12 } ] }
          ],
          "excludedActions": [ "SportsArticle" ],
          "eventId": "{{eventId}}",
          "deferActivation": {{(defer ? "true" : "false")}}
        }
        """;

    private async Task<HttpClient> PersonalizerClientAsync(string tenant)
    {
        HttpClient client = await factory.CreateTenantClientAsync(tenant, Cancellation);
        string key = client.DefaultRequestHeaders.Authorization!.Parameter!;
        client.DefaultRequestHeaders.Authorization = null;
        client.DefaultRequestHeaders.Add("Ocp-Apim-Subscription-Key", key);
        return client;
    }

    [Fact]
    public async Task RankThenReward_PersonalizerShapesAndSubscriptionKey_Work()
    {
        // Arrange
        HttpClient client = await PersonalizerClientAsync("personalizer");
        string eventId = Guid.NewGuid().ToString();

        // Act
        HttpResponseMessage ranked = await client.PostAsync("/personalizer/v1.0/rank", Json(RankBody(eventId)), Cancellation);
        using JsonDocument body = JsonDocument.Parse(await ranked.Content.ReadAsStringAsync(Cancellation));
        HttpResponseMessage rewarded = await client.PostAsync($"/personalizer/v1.0/events/{eventId}/reward", Json("""{ "value": 1.0 }"""), Cancellation);

        // Assert: the response has Personalizer's fields; the excluded action is last with probability 0.
        Assert.Equal(HttpStatusCode.OK, ranked.StatusCode);
        JsonElement root = body.RootElement;
        Assert.Equal(eventId, root.GetProperty("eventId").GetString());
        string chosen = root.GetProperty("rewardActionId").GetString()!;
        JsonElement[] ranking = [.. root.GetProperty("ranking").EnumerateArray()];
        Assert.Equal(3, ranking.Length);
        Assert.Equal(chosen, ranking[0].GetProperty("id").GetString());
        Assert.NotEqual("SportsArticle", chosen);
        Assert.Equal("SportsArticle", ranking[2].GetProperty("id").GetString());
        Assert.Equal(0.0, ranking[2].GetProperty("probability").GetDouble());
        Assert.Equal(1.0, ranking.Sum(static r => r.GetProperty("probability").GetDouble()), 9);
        Assert.Equal(HttpStatusCode.NoContent, rewarded.StatusCode);
    }

    [Fact]
    public async Task Activate_DeferredEvent_Answers204AndRepeatedRankReplaysTheFirst()
    {
        // Arrange
        HttpClient client = await PersonalizerClientAsync("personalizer-defer");
        string eventId = "evt-" + Guid.NewGuid().ToString("N");

        // Act
        HttpResponseMessage first = await client.PostAsync("/personalizer/v1.0/rank", Json(RankBody(eventId, defer: true)), Cancellation);
        HttpResponseMessage again = await client.PostAsync("/personalizer/v1.0/rank", Json(RankBody(eventId, defer: true)), Cancellation);
        HttpResponseMessage activated = await client.PostAsync($"/personalizer/v1.0/events/{eventId}/activate", null, Cancellation);
        HttpResponseMessage unknown = await client.PostAsync("/personalizer/v1.0/events/never-ranked/activate", null, Cancellation);

        // Assert
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(Cancellation), await again.Content.ReadAsStringAsync(Cancellation));
        Assert.Equal(HttpStatusCode.NoContent, activated.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Rank_NoKeyOrBadBody_AnswersProblems()
    {
        // Arrange
        HttpClient anonymous = factory.CreateClient();
        HttpClient client = await PersonalizerClientAsync("personalizer-bad");
        string before = await factory.CountRowsAsync(Cancellation);

        // Act
        HttpResponseMessage noKey = await anonymous.PostAsync("/personalizer/v1.0/rank", Json(RankBody("e1")), Cancellation);
        HttpResponseMessage noActions = await client.PostAsync("/personalizer/v1.0/rank", Json("""{ "contextFeatures": [], "actions": [] }"""), Cancellation);
        HttpResponseMessage badFeatures = await client.PostAsync("/personalizer/v1.0/rank", Json("""{ "contextFeatures": [ 5 ], "actions": [ { "id": "a" } ] }"""), Cancellation);
        HttpResponseMessage allExcluded = await client.PostAsync("/personalizer/v1.0/rank", Json("""{ "actions": [ { "id": "a" } ], "excludedActions": [ "a" ] }"""), Cancellation);

        // Assert
        Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noActions.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badFeatures.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, allExcluded.StatusCode);
        Assert.Equal("application/problem+json", allExcluded.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await factory.CountRowsAsync(Cancellation));
    }

    private static string MultiSlotBody(string eventId, bool defer = false) => $$"""
        {
          "contextFeatures": [ { "timeOfDay": "Morning" } ],
          "actions": [
            { "id": "NewsArticle", "features": [ { "type": "News" } ] },
            { "id": "SportsArticle", "features": [ { "type": "Sports" } ] },
            { "id": "EntertainmentArticle", "features": [ { "type": "Media" } ] }
          ],
          "slots": [
            { "id": "Main Article", "baselineAction": "NewsArticle", "features": [ { "size": "Large", "position": "Left" } ] },
            { "id": "Side Bar", "baselineAction": "SportsArticle", "features": [ { "size": "Small" } ], "excludedActions": [ "EntertainmentArticle" ] }
          ],
          "eventId": "{{eventId}}",
          "deferActivation": {{(defer ? "true" : "false")}}
        }
        """;

    [Fact]
    public async Task MultiSlot_RankRewardActivate_DistinctActionsPerSlotInPersonalizerShapes()
    {
        // Arrange
        HttpClient client = await PersonalizerClientAsync("personalizer-multislot");
        HttpClient other = await PersonalizerClientAsync("personalizer-multislot-other");
        string eventId = Guid.NewGuid().ToString("N");
        string deferred = Guid.NewGuid().ToString("N");

        // Act
        HttpResponseMessage ranked = await client.PostAsync("/personalizer/v1.0/multislot/rank", Json(MultiSlotBody(eventId)), Cancellation);
        using JsonDocument body = JsonDocument.Parse(await ranked.Content.ReadAsStringAsync(Cancellation));
        HttpResponseMessage rewarded = await client.PostAsync($"/personalizer/v1.0/multislot/events/{eventId}/reward", Json("""{ "reward": [ { "slotId": "Main Article", "value": 1.0 }, { "slotId": "Side Bar", "value": 0.0 } ] }"""), Cancellation);
        HttpResponseMessage unknownSlot = await client.PostAsync($"/personalizer/v1.0/multislot/events/{eventId}/reward", Json("""{ "reward": [ { "slotId": "Main Article", "value": 1.0 }, { "slotId": "Footer", "value": 1.0 } ] }"""), Cancellation);
        HttpResponseMessage otherTenant = await other.PostAsync($"/personalizer/v1.0/multislot/events/{eventId}/reward", Json("""{ "reward": [ { "slotId": "Main Article", "value": 1.0 } ] }"""), Cancellation);
        HttpResponseMessage rankedDeferred = await client.PostAsync("/personalizer/v1.0/multislot/rank", Json(MultiSlotBody(deferred, defer: true)), Cancellation);
        HttpResponseMessage activatedByOther = await other.PostAsync($"/personalizer/v1.0/multislot/events/{deferred}/activate", null, Cancellation);
        HttpResponseMessage activated = await client.PostAsync($"/personalizer/v1.0/multislot/events/{deferred}/activate", null, Cancellation);
        HttpResponseMessage again = await client.PostAsync($"/personalizer/v1.0/multislot/events/{deferred}/activate", null, Cancellation);

        // Assert: one action per slot, all different, the side bar never showing its excluded action.
        Assert.Equal(HttpStatusCode.OK, ranked.StatusCode);
        Assert.Equal(eventId, body.RootElement.GetProperty("eventId").GetString());
        JsonElement[] slots = [.. body.RootElement.GetProperty("slots").EnumerateArray()];
        Assert.Equal(["Main Article", "Side Bar"], slots.Select(static s => s.GetProperty("id").GetString()));
        string?[] chosen = [.. slots.Select(static s => s.GetProperty("rewardActionId").GetString())];
        Assert.NotEqual(chosen[0], chosen[1]);
        Assert.NotEqual("EntertainmentArticle", chosen[1]);
        Assert.Equal(HttpStatusCode.NoContent, rewarded.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownSlot.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherTenant.StatusCode);
        Assert.Equal(HttpStatusCode.OK, rankedDeferred.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, activatedByOther.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, activated.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }
}
