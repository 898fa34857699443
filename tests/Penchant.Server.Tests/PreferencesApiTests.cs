using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Penchant.Server.Contracts;

namespace Penchant.Server;

public sealed class PreferencesApiTests(PenchantServerFactory factory) : IClassFixture<PenchantServerFactory>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RememberListSelectForget_RoundTrip_SecondForgetIs404()
    {
        // Arrange
        HttpClient client = await factory.CreateTenantClientAsync("default", Cancellation);
        string user = "alice-" + Guid.NewGuid().ToString("N");

        // Act: remember two statements
        HttpResponseMessage remembered = await client.PostAsJsonAsync($"/v1/users/{user}/statements", new RememberRequest("I'm vegetarian, no meat or fish please.", DateTimeOffset.Parse("2026-03-01T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture)), Cancellation);
        await client.PostAsJsonAsync($"/v1/users/{user}/statements", new RememberRequest("I live in Lyon."), Cancellation);

        // Assert: the write result names the new preference and its source event, in the configured database
        Assert.Equal(HttpStatusCode.OK, remembered.StatusCode);
        Assert.True(File.Exists(factory.DatabasePath));
        WriteResponse? write = await remembered.Content.ReadFromJsonAsync(PenchantJsonContext.Default.WriteResponse, Cancellation);
        PreferenceContract created = Assert.Single(write!.Created);
        Assert.Equal(Assert.Single(write.Events).Id, Assert.Single(created.Sources));

        // Act: list
        IReadOnlyList<PreferenceContract>? listed = await client.GetFromJsonAsync($"/v1/users/{user}/preferences", PenchantJsonContext.Default.IReadOnlyListPreferenceContract, Cancellation);
        Assert.Equal(2, listed!.Count);
        Assert.Contains(listed, p => p.Id == created.Id);

        // Act: select
        HttpResponseMessage selected = await client.PostAsJsonAsync($"/v1/users/{user}/select", new SelectRequest("Suggest a recipe for dinner tonight", new Dictionary<string, string> { ["domain"] = "cooking" }), Cancellation);
        Assert.Equal(HttpStatusCode.OK, selected.StatusCode);
        SelectionResponse? selection = await selected.Content.ReadFromJsonAsync(PenchantJsonContext.Default.SelectionResponse, Cancellation);
        SelectedPreferenceContract top = selection!.Preferences[0];
        Assert.Equal(created.Id, top.Preference.Id);
        Assert.InRange(top.Probability, 0.0, 1.0);
        Assert.NotEmpty(top.Reasons);
        Assert.Contains("vegetarian", selection.PromptBlock, StringComparison.Ordinal);

        // Act: forget twice
        HttpResponseMessage forgotten = await client.DeleteAsync($"/v1/users/{user}/preferences/{created.Id}", Cancellation);
        HttpResponseMessage again = await client.DeleteAsync($"/v1/users/{user}/preferences/{created.Id}", Cancellation);

        // Assert
        Assert.Equal(HttpStatusCode.NoContent, forgotten.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
        using JsonDocument problem = JsonDocument.Parse(await again.Content.ReadAsStringAsync(Cancellation));
        Assert.Equal(404, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal(ApiProblems.NotFound, problem.RootElement.GetProperty("errorCode").GetString());
        IReadOnlyList<PreferenceContract>? remaining = await client.GetFromJsonAsync($"/v1/users/{user}/preferences", PenchantJsonContext.Default.IReadOnlyListPreferenceContract, Cancellation);
        Assert.DoesNotContain(remaining!, p => p.Id == created.Id);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public async Task Remember_EmptyText_Returns400ProblemWithErrorCode(string? text)
    {
        HttpClient client = await factory.CreateTenantClientAsync("default", Cancellation);

        HttpResponseMessage response = await client.PostAsJsonAsync("/v1/users/bob/statements", new RememberRequest(text), Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using JsonDocument problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancellation));
        Assert.Equal(400, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal(ApiProblems.InvalidArgument, problem.RootElement.GetProperty("errorCode").GetString());
        Assert.False(string.IsNullOrEmpty(problem.RootElement.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task Remember_MalformedBody_Returns400ProblemWithErrorCode()
    {
        HttpClient client = await factory.CreateTenantClientAsync("default", Cancellation);
        using var content = new StringContent("{\"text\": ", System.Text.Encoding.UTF8, "application/json");

        HttpResponseMessage response = await client.PostAsync("/v1/users/bob/statements", content, Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using JsonDocument problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancellation));
        Assert.Equal(ApiProblems.MalformedJson, problem.RootElement.GetProperty("errorCode").GetString());
    }

    [Fact]
    public async Task ObserveHistoryExportForgetUser_RoundTrip()
    {
        // Arrange
        HttpClient client = await factory.CreateTenantClientAsync("default", Cancellation);
        string user = "carol-" + Guid.NewGuid().ToString("N");
        var turns = new ObserveRequest([
            new TurnContract("user", "Please always answer me in short bullet points."),
            new TurnContract("assistant", "Sure, short bullet points from now on."),
        ]);

        // Act
        HttpResponseMessage observed = await client.PostAsJsonAsync($"/v1/users/{user}/observations", turns, Cancellation);
        HttpResponseMessage history = await client.GetAsync($"/v1/users/{user}/history", Cancellation);
        string events = await client.GetStringAsync($"/v1/users/{user}/events", Cancellation);
        HttpResponseMessage deleted = await client.DeleteAsync($"/v1/users/{user}", Cancellation);
        HttpResponseMessage deletedAgain = await client.DeleteAsync($"/v1/users/{user}", Cancellation);

        // Assert
        Assert.Equal(HttpStatusCode.OK, observed.StatusCode);
        using JsonDocument write = JsonDocument.Parse(await observed.Content.ReadAsStringAsync(Cancellation));
        Assert.Equal(2, write.RootElement.GetProperty("events").GetArrayLength());
        Assert.Equal("turn", write.RootElement.GetProperty("events")[0].GetProperty("kind").GetString());
        Assert.Equal(HttpStatusCode.OK, history.StatusCode);
        using JsonDocument preferences = JsonDocument.Parse(await history.Content.ReadAsStringAsync(Cancellation));
        Assert.All(preferences.RootElement.EnumerateArray(), p => Assert.Equal(JsonValueKind.String, p.GetProperty("kind").ValueKind));
        using JsonDocument log = JsonDocument.Parse(events);
        Assert.Equal(2, log.RootElement.GetArrayLength());
        Assert.Equal("turn", log.RootElement[0].GetProperty("kind").GetString());
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, deletedAgain.StatusCode);
    }

    [Fact]
    public async Task ExportImportRebuild_RoundTrip_SecondImportIs400AndChangesNothing()
    {
        // Arrange
        HttpClient client = await factory.CreateTenantClientAsync("default", Cancellation);
        string from = "exporter-" + Guid.NewGuid().ToString("N");
        string to = "importer-" + Guid.NewGuid().ToString("N");
        await client.PostAsJsonAsync($"/v1/users/{from}/statements", new RememberRequest("I'm vegetarian, no meat or fish please."), Cancellation);
        await client.PostAsJsonAsync($"/v1/users/{from}/statements", new RememberRequest("Always answer me in short bullet points."), Cancellation);
        string exported = await client.GetStringAsync($"/v1/users/{from}/events", Cancellation);

        // Act
        using var first = new StringContent(exported, System.Text.Encoding.UTF8, "application/json");
        HttpResponseMessage imported = await client.PostAsync($"/v1/users/{to}/events", first, Cancellation);
        string afterImport = await client.GetStringAsync($"/v1/users/{to}/events", Cancellation);
        using var second = new StringContent(exported, System.Text.Encoding.UTF8, "application/json");
        HttpResponseMessage again = await client.PostAsync($"/v1/users/{to}/events", second, Cancellation);
        HttpResponseMessage rebuilt = await client.PostAsync($"/v1/users/{to}/rebuild", null, Cancellation);

        // Assert
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        IReadOnlyList<PreferenceContract> source = (await client.GetFromJsonAsync($"/v1/users/{from}/preferences", PenchantJsonContext.Default.IReadOnlyListPreferenceContract, Cancellation))!;
        IReadOnlyList<PreferenceContract> copy = (await client.GetFromJsonAsync($"/v1/users/{to}/preferences", PenchantJsonContext.Default.IReadOnlyListPreferenceContract, Cancellation))!;
        Assert.Equal(source.Select(static p => p.Text), copy.Select(static p => p.Text));
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        using JsonDocument problem = JsonDocument.Parse(await again.Content.ReadAsStringAsync(Cancellation));
        Assert.Equal(ApiProblems.InvalidArgument, problem.RootElement.GetProperty("errorCode").GetString());
        Assert.Equal(afterImport, await client.GetStringAsync($"/v1/users/{to}/events", Cancellation));
        Assert.Equal(HttpStatusCode.OK, rebuilt.StatusCode);
        IReadOnlyList<PreferenceContract> afterRebuild = (await rebuilt.Content.ReadFromJsonAsync(PenchantJsonContext.Default.IReadOnlyListPreferenceContract, Cancellation))!;
        Assert.Equal(copy.Select(static p => p.Text), afterRebuild.Select(static p => p.Text));
    }

    [Fact]
    public async Task Observe_NoTurns_Returns400()
    {
        HttpClient client = await factory.CreateTenantClientAsync("default", Cancellation);

        HttpResponseMessage response = await client.PostAsJsonAsync("/v1/users/dave/observations", new ObserveRequest([]), Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Health_Returns200Healthy()
    {
        HttpClient client = factory.CreateClient();
        await factory.WaitUntilReadyAsync(Cancellation);

        HttpResponseMessage response = await client.GetAsync("/health", Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(Cancellation));
    }
}
