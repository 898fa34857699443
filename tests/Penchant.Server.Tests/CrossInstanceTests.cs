using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Penchant.Server.Contracts;

namespace Penchant.Server;

/// <summary>
/// Two service hosts over one SQLite file (real Kestrel on loopback, each with its own engine and caches, as two service
/// processes): a write acknowledged by one is visible to the other's next list and select at once, even after the other
/// cached that user; concurrent writes through both are all kept. With <see cref="PenchantOptions.CheckCachedStateOnRead"/>
/// off, the other host serves its cached copy, which shows the first test can fail.
/// </summary>
public sealed class CrossInstanceTests(ServerPair pair) : IClassFixture<ServerPair>
{
    private const string Dinner = "Propose a recipe for this evening's dinner";
    private const string Distance = "Give me the distance of my running route today";

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReadsOnOneHost_AfterWritesOnTheOther_SeeThemAtOnce_EvenWithTheUserCached()
    {
        // Arrange: A writes a first preference; B lists and selects, so B has cached the user.
        (HttpClient a, HttpClient b) = await pair.CreateClientsAsync("xinstance", Cancellation);
        const string user = "ana";
        string vegetarian = Assert.Single((await RememberAsync(a, user, "I'm vegetarian, so never suggest meat dishes.")).Created).Id;
        Assert.Equal([vegetarian], await ListAsync(b, user));
        Assert.Contains(vegetarian, await SelectAsync(b, user, Dinner));

        // Act + Assert: each acknowledged write, on either host, is seen by the other's very next read.
        string kilometres = Assert.Single((await RememberAsync(a, user, "Always give distances in kilometres, never miles.")).Created).Id;
        Assert.Equal([vegetarian, kilometres], await ListAsync(b, user));
        Assert.Contains(kilometres, await SelectAsync(b, user, Distance));

        HttpResponseMessage observed = await b.PostAsJsonAsync(
            $"/v1/users/{user}/observations",
            new ObserveRequest([new TurnContract("user", "Write code that reads a CSV file"), new TurnContract("assistant", "Here you go."), new TurnContract("user", "I prefer Python for code examples.")]),
            Cancellation);
        Assert.Equal(HttpStatusCode.OK, observed.StatusCode);
        string python = Assert.Single((await observed.Content.ReadFromJsonAsync(PenchantJsonContext.Default.WriteResponse, Cancellation))!.Created).Id;
        Assert.Equal([vegetarian, kilometres, python], await ListAsync(a, user));
        Assert.Contains(python, await SelectAsync(a, user, "Write code that reads a CSV file"));

        Assert.Equal(HttpStatusCode.NoContent, (await a.DeleteAsync($"/v1/users/{user}/preferences/{vegetarian}", Cancellation)).StatusCode);
        Assert.Equal([kilometres, python], await ListAsync(b, user));
        Assert.DoesNotContain(vegetarian, await SelectAsync(b, user, Dinner));

        Assert.Equal(HttpStatusCode.NoContent, (await b.DeleteAsync($"/v1/users/{user}", Cancellation)).StatusCode);
        Assert.Empty(await ListAsync(a, user));
        Assert.Empty(await SelectAsync(a, user, Distance));
    }

    [Fact]
    public async Task ConcurrentKeyedWrites_ThroughBothHosts_AreAllKeptOnce_AndBothHostsAgree()
    {
        // Arrange
        (HttpClient a, HttpClient b) = await pair.CreateClientsAsync("xinstance", Cancellation);
        const string user = "busy";

        // Act: 24 writes at once, alternately through A and B, each with its own key; a 409 is retried with the key.
        string[] texts = [.. Enumerable.Range(0, 24).Select(static i => $"For project {i}, I prefer the code name number {i * 37}.")];
        WriteResponse[] writes = await Task.WhenAll(texts.Select((text, i) => RememberWithRetriesAsync(i % 2 == 0 ? a : b, user, text, $"conc-{i}")));

        // Assert: every acknowledged write is in the log once, numbered without gaps, and both hosts answer the same.
        JsonElement[] fromA = await EventsAsync(a, user);
        JsonElement[] fromB = await EventsAsync(b, user);
        Assert.Equal(24, fromA.Length);
        Assert.Equal(Enumerable.Range(1, 24).Select(static i => (long)i), fromA.Select(static e => e.GetProperty("sequence").GetInt64()));
        Assert.Equal(fromA.Select(static e => e.GetProperty("id").GetString()), fromB.Select(static e => e.GetProperty("id").GetString()));
        foreach ((WriteResponse write, string text) in writes.Zip(texts))
        {
            JsonElement stored = Assert.Single(fromA, e => e.GetProperty("id").GetString() == Assert.Single(write.Events).Id);
            Assert.Equal(text, stored.GetProperty("text").GetString());
        }

        Assert.Equal(await a.GetStringAsync($"/v1/users/{user}/history", Cancellation), await b.GetStringAsync($"/v1/users/{user}/history", Cancellation));
    }

    [Fact]
    public async Task WithoutTheCheckOnRead_TheOtherHostServesItsCachedCopy_ButLosesNoWrite()
    {
        // Arrange: two hosts that trust their caches (PenchantOptions.CheckCachedStateOnRead = false).
        await using var trusting = new ServerPair(checkCachedStateOnRead: false);
        (HttpClient a, HttpClient b) = await trusting.CreateClientsAsync("unchecked", Cancellation);
        const string user = "ben";
        string vegetarian = Assert.Single((await RememberAsync(a, user, "I'm vegetarian, so never suggest meat dishes.")).Created).Id;
        Assert.Equal([vegetarian], await ListAsync(b, user));
        Assert.Contains(vegetarian, await SelectAsync(b, user, Dinner));

        // Act
        string kilometres = Assert.Single((await RememberAsync(a, user, "Always give distances in kilometres, never miles.")).Created).Id;
        string[] staleList = await ListAsync(b, user);
        string[] staleSelect = await SelectAsync(b, user, Distance);

        // Assert: B's reads are stale, which the checked hosts above must not be...
        Assert.Equal([vegetarian], staleList);
        Assert.DoesNotContain(kilometres, staleSelect);

        // ...yet a write through B, planned from its stale copy, is refused by the store's version check, re-planned from
        // a fresh read and keeps A's write: the check on read is about fresh reads, not about lost writes.
        string python = Assert.Single((await RememberAsync(b, user, "I prefer Python for code examples.")).Created).Id;
        Assert.Equal([vegetarian, kilometres, python], await ListAsync(b, user));
        Assert.Equal(3, (await EventsAsync(a, user)).Length);
    }

    private static async Task<WriteResponse> RememberAsync(HttpClient client, string user, string text)
    {
        HttpResponseMessage response = await client.PostAsJsonAsync($"/v1/users/{user}/statements", new RememberRequest(text), Cancellation);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync(PenchantJsonContext.Default.WriteResponse, Cancellation))!;
    }

    /// <summary>What a client does with an <c>Idempotency-Key</c>: sends the write again, with the key, after a <c>409 conflict</c>.</summary>
    private static async Task<WriteResponse> RememberWithRetriesAsync(HttpClient client, string user, string text, string key)
    {
        for (int attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/users/{user}/statements") { Content = JsonContent.Create(new RememberRequest(text)) };
            request.Headers.Add("Idempotency-Key", key);
            HttpResponseMessage response = await client.SendAsync(request, Cancellation);
            if (response.StatusCode != HttpStatusCode.Conflict || attempt == 10)
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                return (await response.Content.ReadFromJsonAsync(PenchantJsonContext.Default.WriteResponse, Cancellation))!;
            }
        }
    }

    private static async Task<string[]> ListAsync(HttpClient client, string user)
    {
        IReadOnlyList<PreferenceContract> preferences = (await client.GetFromJsonAsync($"/v1/users/{user}/preferences", PenchantJsonContext.Default.IReadOnlyListPreferenceContract, Cancellation))!;
        return [.. preferences.Select(static p => p.Id)];
    }

    private static async Task<string[]> SelectAsync(HttpClient client, string user, string text)
    {
        HttpResponseMessage response = await client.PostAsJsonAsync($"/v1/users/{user}/select", new SelectRequest(text), Cancellation);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        SelectionResponse selection = (await response.Content.ReadFromJsonAsync(PenchantJsonContext.Default.SelectionResponse, Cancellation))!;
        return [.. selection.Preferences.Select(static p => p.Preference.Id)];
    }

    private static async Task<JsonElement[]> EventsAsync(HttpClient client, string user)
    {
        using JsonDocument log = JsonDocument.Parse(await client.GetStringAsync($"/v1/users/{user}/events", Cancellation));
        return [.. log.RootElement.EnumerateArray().Select(static e => e.Clone())];
    }
}
