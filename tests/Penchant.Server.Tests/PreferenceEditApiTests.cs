using System.Net;
using System.Net.Http.Json;
using Penchant.Server.Contracts;

namespace Penchant.Server;

/// <summary><c>PATCH /v1/users/{userId}/preferences/{preferenceId}</c> over real HTTP, SQLite and MiniLM.</summary>
public sealed class PreferenceEditApiTests(PenchantServerFactory factory) : IClassFixture<PenchantServerFactory>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Patch_ChangesTextScopeAndStrength_HistoryShowsBothVersions_RetryIsReplayed()
    {
        // Arrange
        HttpClient client = await factory.CreateTenantClientAsync("edits", Cancellation);
        HttpResponseMessage written = await client.PostAsJsonAsync("/v1/users/noor/statements", new RememberRequest("My coffee is always black."), Cancellation);
        string id = Assert.Single((await written.Content.ReadFromJsonAsync(PenchantJsonContext.Default.WriteResponse, Cancellation))!.Created).Id;

        // Act
        HttpResponseMessage first = await PatchAsync(client, id, "edit-1", Cancellation);
        HttpResponseMessage retry = await PatchAsync(client, id, "edit-1", Cancellation);

        // Assert
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        WriteResponse change = (await first.Content.ReadFromJsonAsync(PenchantJsonContext.Default.WriteResponse, Cancellation))!;
        PreferenceContract created = Assert.Single(change.Created);
        Assert.Equal("I drink my coffee with oat milk.", created.Text);
        Assert.Equal(0.8, created.Strength, 3);
        Assert.Equal(id, Assert.Single(change.Superseded).Id);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal("true", Assert.Single(retry.Headers.GetValues("Idempotent-Replayed")));
        IReadOnlyList<PreferenceContract> current = (await client.GetFromJsonAsync("/v1/users/noor/preferences", PenchantJsonContext.Default.IReadOnlyListPreferenceContract, Cancellation))!;
        Assert.Equal(created.Id, Assert.Single(current).Id);
        IReadOnlyList<PreferenceContract> history = (await client.GetFromJsonAsync("/v1/users/noor/history", PenchantJsonContext.Default.IReadOnlyListPreferenceContract, Cancellation))!;
        Assert.Equal(2, history.Count);
    }

    private static Task<HttpResponseMessage> PatchAsync(HttpClient client, string id, string key, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, $"/v1/users/noor/preferences/{id}")
        {
            Content = JsonContent.Create(new EditPreferenceRequest("I drink my coffee with oat milk.", Strength: 0.8)),
        };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request, cancellationToken);
    }
}
