using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Penchant.Server.Contracts;

namespace Penchant.Server;

/// <summary>Concurrent writes for one user are ordered and none is lost; reads see every write acknowledged before them.</summary>
public sealed class ConcurrencyTests(PenchantServerFactory factory) : IClassFixture<PenchantServerFactory>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ConcurrentWrites_SameUser_EveryAcknowledgedWriteIsPresentOnceInOrder()
    {
        // Arrange
        HttpClient client = await factory.CreateTenantClientAsync("concurrency", Cancellation);
        const string user = "busy";

        // Act: 40 writes at once, half with idempotency keys
        HttpResponseMessage[] responses = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/users/{user}/statements")
            {
                Content = JsonContent.Create(new RememberRequest($"Statement number {i}: I like colour {i}.")),
            };
            if (i % 2 == 0)
            {
                request.Headers.Add("Idempotency-Key", $"write-{i}");
            }

            return client.SendAsync(request, Cancellation);
        }));

        // Assert: all acknowledged; each text exactly once; sequences 1..40 without gaps
        Assert.All(responses, static r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        using JsonDocument log = JsonDocument.Parse(await client.GetStringAsync($"/v1/users/{user}/events", Cancellation));
        JsonElement[] events = [.. log.RootElement.EnumerateArray()];
        Assert.Equal(40, events.Length);
        Assert.Equal(Enumerable.Range(1, 40).Select(static i => (long)i), events.Select(static e => e.GetProperty("sequence").GetInt64()));
        for (int i = 0; i < 40; i++)
        {
            Assert.Single(events, e => e.GetProperty("text").GetString() == $"Statement number {i}: I like colour {i}.");
        }
    }

    [Fact]
    public async Task ReadYourWrites_WhileOthersWriteTheSameUser_EveryAcknowledgedWriteIsVisible()
    {
        HttpClient client = await factory.CreateTenantClientAsync("concurrency", Cancellation);
        const string user = "reader";
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);
        Task background = Task.Run(async () =>
        {
            for (int i = 0; !stop.IsCancellationRequested; i++)
            {
                await client.PostAsJsonAsync($"/v1/users/{user}/statements", new RememberRequest($"Background statement {i}"), stop.Token);
            }
        }, Cancellation);

        for (int i = 0; i < 15; i++)
        {
            HttpResponseMessage written = await client.PostAsJsonAsync($"/v1/users/{user}/statements", new RememberRequest($"I want answers in language number {i}."), Cancellation);
            Assert.Equal(HttpStatusCode.OK, written.StatusCode);
            WriteResponse write = (await written.Content.ReadFromJsonAsync(PenchantJsonContext.Default.WriteResponse, Cancellation))!;
            string eventId = Assert.Single(write.Events).Id;

            string events = await client.GetStringAsync($"/v1/users/{user}/events", Cancellation);
            Assert.Contains(eventId, events, StringComparison.Ordinal);
            IReadOnlyList<PreferenceContract> history = (await client.GetFromJsonAsync($"/v1/users/{user}/history", PenchantJsonContext.Default.IReadOnlyListPreferenceContract, Cancellation))!;
            Assert.Contains(history, p => p.Sources.Contains(eventId));
        }

        await stop.CancelAsync();
#pragma warning disable VSTHRD003 // the background writer was started by this test
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => background);
#pragma warning restore VSTHRD003
    }

    [Fact]
    public async Task ConcurrentForgetAndSelect_AllSucceed_ForgottenPreferencesAreGone()
    {
        // Arrange
        HttpClient client = await factory.CreateTenantClientAsync("concurrency", Cancellation);
        const string user = "forgetter";
        string[] texts = ["I'm vegetarian.", "I hate cilantro.", "I prefer Italian food.", "I never drink alcohol.", "Keep recipes under 30 minutes."];
        var ids = new List<string>();
        foreach (string text in texts)
        {
            HttpResponseMessage written = await client.PostAsJsonAsync($"/v1/users/{user}/statements", new RememberRequest(text), Cancellation);
            ids.AddRange((await written.Content.ReadFromJsonAsync(PenchantJsonContext.Default.WriteResponse, Cancellation))!.Created.Select(static p => p.Id));
        }

        // Act: forget every preference while selecting
        Task<HttpResponseMessage>[] selects = [.. Enumerable.Range(0, 20).Select(_ => client.PostAsJsonAsync($"/v1/users/{user}/select", new SelectRequest("Suggest a dinner recipe"), Cancellation))];
        Task<HttpResponseMessage>[] forgets = [.. ids.Select(id => client.DeleteAsync($"/v1/users/{user}/preferences/{id}", Cancellation))];
        HttpResponseMessage[] selected = await Task.WhenAll(selects);
        HttpResponseMessage[] forgotten = await Task.WhenAll(forgets);

        // Assert
        Assert.All(selected, static s => Assert.Equal(HttpStatusCode.OK, s.StatusCode));
        Assert.All(forgotten, static f => Assert.Equal(HttpStatusCode.NoContent, f.StatusCode));
        Assert.Equal("[]", await client.GetStringAsync($"/v1/users/{user}/preferences", Cancellation));
        HttpResponseMessage after = await client.PostAsJsonAsync($"/v1/users/{user}/select", new SelectRequest("Suggest a dinner recipe"), Cancellation);
        Assert.Empty((await after.Content.ReadFromJsonAsync(PenchantJsonContext.Default.SelectionResponse, Cancellation))!.Preferences);
    }
}
