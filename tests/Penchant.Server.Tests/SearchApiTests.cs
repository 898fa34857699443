using System.Net;
using System.Net.Http.Json;
using Penchant.Server.Contracts;

namespace Penchant.Server;

/// <summary><c>GET /v1/users/{user}/preferences/search</c> on the real model: meaning and words, fused, no gate.</summary>
public sealed class SearchApiTests(PenchantServerFactory factory) : IClassFixture<PenchantServerFactory>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Search_ByMeaning_RanksTheRelatedPreferenceFirst()
    {
        // Arrange: three preferences on unrelated subjects
        HttpClient client = await factory.CreateTenantClientAsync("search-meaning", Cancellation);
        string mushrooms = await RememberAsync(client, "rosa", "I never eat mushrooms, I can't stand them.");
        await RememberAsync(client, "rosa", "Weekly reports for my team should use tables.");
        await RememberAsync(client, "rosa", "I cycle to the office every morning.");

        // Act: a question that shares no content word with the food preference
        SearchResponse found = await SearchAsync(client, "rosa", "what foods do I avoid?");

        // Assert: every current preference is ranked (no gate), the food one first, with both parts reported
        Assert.Equal(3, found.Matches.Count);
        Assert.Equal(mushrooms, found.Matches[0].Preference.Id);
        Assert.Equal(1, found.Matches[0].SemanticRank);
        Assert.True(found.Matches[0].Semantic > found.Matches[1].Semantic);
        Assert.True(found.Matches[0].Score >= found.Matches[1].Score && found.Matches[1].Score >= found.Matches[2].Score);
    }

    [Fact]
    public async Task Search_ByWords_ReportsTheLexicalPartAndRespectsTheLimit()
    {
        HttpClient client = await factory.CreateTenantClientAsync("search-words", Cancellation);
        await RememberAsync(client, "omar", "I never eat mushrooms, I can't stand them.");
        string tables = await RememberAsync(client, "omar", "Weekly reports for my team should use tables.");
        await RememberAsync(client, "omar", "I cycle to the office every morning.");

        SearchResponse found = await SearchAsync(client, "omar", "tables", limit: 2);

        Assert.Equal(2, found.Matches.Count);
        SearchMatchContract top = found.Matches[0];
        Assert.Equal(tables, top.Preference.Id);
        Assert.True(top.Lexical > 0);
        Assert.Equal(1, top.LexicalRank);
        Assert.Null(found.Matches[1].LexicalRank);
        Assert.Equal(0, found.Matches[1].Lexical);
    }

    [Fact]
    public async Task Search_UnknownUserOrForgottenPreference_FindsNothingOfIt()
    {
        HttpClient client = await factory.CreateTenantClientAsync("search-forget", Cancellation);
        string id = await RememberAsync(client, "ines", "I never eat mushrooms, I can't stand them.");
        Assert.Single((await SearchAsync(client, "ines", "mushrooms")).Matches);

        HttpResponseMessage forgot = await client.DeleteAsync($"/v1/users/ines/preferences/{id}", Cancellation);
        Assert.Equal(HttpStatusCode.NoContent, forgot.StatusCode);

        Assert.Empty((await SearchAsync(client, "ines", "mushrooms")).Matches);
        Assert.Empty((await SearchAsync(client, "nobody-" + Guid.NewGuid().ToString("N"), "mushrooms")).Matches);
    }

    [Fact]
    public async Task Search_MetadataFilter_FindsOnlyPreferencesWithThatMetadata()
    {
        HttpClient client = await factory.CreateTenantClientAsync("search-metadata", Cancellation);
        string mail = await RememberAsync(client, "lea", "I never eat mushrooms, I can't stand them.", new Dictionary<string, string> { ["app"] = "mail" });
        await RememberAsync(client, "lea", "I never drink coffee after noon.", new Dictionary<string, string> { ["app"] = "chat" });
        await RememberAsync(client, "lea", "I avoid peanuts at every meal.");

        SearchResponse all = await SearchAsync(client, "lea", "what foods do I avoid?");
        SearchResponse filtered = await SearchAsync(client, "lea", "what foods do I avoid?", filter: "&metadata.app=mail");

        Assert.True(all.Matches.Count > 1);
        Assert.Contains(all.Matches, m => m.Preference.Id == mail);
        Assert.Equal([mail], filtered.Matches.Select(static m => m.Preference.Id));
        Assert.Empty((await SearchAsync(client, "lea", "what foods do I avoid?", filter: "&metadata.app=calendar")).Matches);
    }

    private static async Task<string> RememberAsync(HttpClient client, string user, string text, IReadOnlyDictionary<string, string>? metadata = null)
    {
        HttpResponseMessage response = await client.PostAsJsonAsync($"/v1/users/{user}/statements", new RememberRequest(text, Metadata: metadata), Cancellation);
        response.EnsureSuccessStatusCode();
        WriteResponse write = (await response.Content.ReadFromJsonAsync(PenchantJsonContext.Default.WriteResponse, Cancellation))!;
        return Assert.Single(write.Created).Id;
    }

    private static async Task<SearchResponse> SearchAsync(HttpClient client, string user, string query, int? limit = null, string filter = "")
    {
        string url = $"/v1/users/{user}/preferences/search?q={Uri.EscapeDataString(query)}" + (limit is { } l ? $"&limit={l}" : string.Empty) + filter;
        HttpResponseMessage response = await client.GetAsync(url, Cancellation);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync(PenchantJsonContext.Default.SearchResponse, Cancellation))!;
    }
}
