using System.Net;
using System.Net.Http.Json;
using Penchant.Server.Contracts;

namespace Penchant.Server;

/// <summary><c>POST /v1/users/{userId}/preferences/{preferenceId}/narrow</c> over real HTTP, SQLite and MiniLM.</summary>
public sealed class ScopeNarrowingApiTests(PenchantServerFactory factory) : IClassFixture<PenchantServerFactory>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Post_NarrowsScope_ListShowsExclusion_RetryIsReplayed()
    {
        // Arrange
        HttpClient client = await factory.CreateTenantClientAsync("narrowing", Cancellation);
        HttpResponseMessage written = await client.PostAsJsonAsync("/v1/users/tomas/statements", new RememberRequest("Sign my texts with a single initial."), Cancellation);
        string id = Assert.Single((await written.Content.ReadFromJsonAsync(PenchantJsonContext.Default.WriteResponse, Cancellation))!.Created).Id;

        // Act
        HttpResponseMessage first = await PostAsync(client, id, "narrow-1", Cancellation);
        HttpResponseMessage retry = await PostAsync(client, id, "narrow-1", Cancellation);

        // Assert
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        WriteResponse change = (await first.Content.ReadFromJsonAsync(PenchantJsonContext.Default.WriteResponse, Cancellation))!;
        PreferenceContract created = Assert.Single(change.Created);
        Assert.Equal(["my grandparents"], created.Scope!.Exclusions);
        Assert.Equal(id, Assert.Single(change.Superseded).Id);
        Assert.Equal("true", Assert.Single(retry.Headers.GetValues("Idempotent-Replayed")));
        IReadOnlyList<PreferenceContract> current = (await client.GetFromJsonAsync("/v1/users/tomas/preferences", PenchantJsonContext.Default.IReadOnlyListPreferenceContract, Cancellation))!;
        Assert.Equal(["my grandparents"], Assert.Single(current).Scope!.Exclusions);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string id, string key, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/users/tomas/preferences/{id}/narrow")
        {
            Content = JsonContent.Create(new NarrowScopeRequest("not for my grandparents")),
        };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request, cancellationToken);
    }
}
