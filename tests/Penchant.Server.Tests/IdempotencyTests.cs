using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Penchant.Server.Contracts;

namespace Penchant.Server;

/// <summary>A write retried with the same <c>Idempotency-Key</c> is applied once.</summary>
public sealed class IdempotencyTests(PenchantServerFactory factory) : IClassFixture<PenchantServerFactory>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Remember_SameKeyTwentyTimesConcurrently_AppliedOnce()
    {
        HttpClient client = await factory.CreateTenantClientAsync("idem", Cancellation);

        HttpResponseMessage[] responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            client.SendAsync(Keyed("/v1/users/u1/statements", "retry-me", new RememberRequest("On trains I go for window seats.")), Cancellation)));

        Assert.All(responses, static r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(19, responses.Count(static r => r.Headers.Contains("Idempotent-Replayed")));
        using JsonDocument log = JsonDocument.Parse(await client.GetStringAsync("/v1/users/u1/events", Cancellation));
        JsonElement ev = Assert.Single(log.RootElement.EnumerateArray());
        HashSet<string> answered = [.. await Task.WhenAll(responses.Select(static async r =>
            (await r.Content.ReadFromJsonAsync(PenchantJsonContext.Default.WriteResponse, Cancellation))!.Events[0].Id))];
        Assert.Equal(ev.GetProperty("id").GetString(), Assert.Single(answered));
    }

    [Fact]
    public async Task Observe_Retried_AppliedOnceAndAnswersTheSameEvents()
    {
        HttpClient client = await factory.CreateTenantClientAsync("idem", Cancellation);
        var turns = new ObserveRequest([new TurnContract("user", "Always reply in French."), new TurnContract("assistant", "D'accord.")]);

        HttpResponseMessage first = await client.SendAsync(Keyed("/v1/users/u2/observations", "obs-1", turns), Cancellation);
        HttpResponseMessage second = await client.SendAsync(Keyed("/v1/users/u2/observations", "obs-1", turns), Cancellation);

        WriteResponse a = (await first.Content.ReadFromJsonAsync(PenchantJsonContext.Default.WriteResponse, Cancellation))!;
        WriteResponse b = (await second.Content.ReadFromJsonAsync(PenchantJsonContext.Default.WriteResponse, Cancellation))!;
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.True(second.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(a.Events.Select(static e => e.Id), b.Events.Select(static e => e.Id));
        Assert.Equal(2, JsonDocument.Parse(await client.GetStringAsync("/v1/users/u2/events", Cancellation)).RootElement.GetArrayLength());
    }

    public static TheoryData<string, string> Signals => new()
    {
        { "comparisons", "{\"context\":\"Summarize this.\",\"preferred\":\"Short.\",\"rejected\":\"Long and winding.\"}" },
        { "ratings", "{\"context\":\"Summarize this.\",\"response\":\"Short.\",\"score\":4}" },
        { "choices", "{\"context\":\"Pick a dinner.\",\"candidates\":[\"Steak\",\"Risotto\"],\"chosen\":1}" },
        { "reactions", "{\"turn\":\"Thanks, that is perfect!\",\"request\":\"Summarize this.\",\"answer\":\"Short.\"}" },
    };

    [Theory]
    [MemberData(nameof(Signals))]
    public async Task Signal_Retried_AppliedOnceAndMarkedReplayed(string route, string body)
    {
        HttpClient client = await factory.CreateTenantClientAsync("idem", Cancellation);
        string path = $"/v1/users/s-{route}/{route}";

        HttpResponseMessage first = await client.SendAsync(KeyedJson(path, "sig-1", body), Cancellation);
        HttpResponseMessage second = await client.SendAsync(KeyedJson(path, "sig-1", body), Cancellation);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.True(second.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(await first.Content.ReadAsStringAsync(Cancellation), await second.Content.ReadAsStringAsync(Cancellation));
        Assert.Equal(1, JsonDocument.Parse(await client.GetStringAsync($"/v1/users/s-{route}/events", Cancellation)).RootElement.GetArrayLength());
    }

    [Fact]
    public async Task Signal_KeyReusedForAnotherRequest_Answers422AndWritesNothing()
    {
        HttpClient client = await factory.CreateTenantClientAsync("idem", Cancellation);
        const string path = "/v1/users/s-reuse/ratings";
        await client.SendAsync(KeyedJson(path, "sig-2", "{\"context\":\"Summarize this.\",\"response\":\"Short.\",\"score\":4}"), Cancellation);

        HttpResponseMessage reused = await client.SendAsync(KeyedJson(path, "sig-2", "{\"context\":\"Summarize this.\",\"response\":\"Short.\",\"score\":2}"), Cancellation);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
        Assert.Equal(1, JsonDocument.Parse(await client.GetStringAsync("/v1/users/s-reuse/events", Cancellation)).RootElement.GetArrayLength());
    }

    [Fact]
    public async Task Remember_SameKeyOtherOperationOrUser_IsIndependent()
    {
        HttpClient client = await factory.CreateTenantClientAsync("idem", Cancellation);

        HttpResponseMessage one = await client.SendAsync(Keyed("/v1/users/u3/statements", "k", new RememberRequest("I listen to jazz a lot.")), Cancellation);
        HttpResponseMessage other = await client.SendAsync(Keyed("/v1/users/u4/statements", "k", new RememberRequest("I like rock.")), Cancellation);

        Assert.False(one.Headers.Contains("Idempotent-Replayed"));
        Assert.False(other.Headers.Contains("Idempotent-Replayed"));
        Assert.Contains("rock", await client.GetStringAsync("/v1/users/u4/events", Cancellation), StringComparison.Ordinal);
    }

    private static HttpRequestMessage KeyedJson(string path, string key, string json)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    private static HttpRequestMessage Keyed<T>(string path, string key, T body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }
}
