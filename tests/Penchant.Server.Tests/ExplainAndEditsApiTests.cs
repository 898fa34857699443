using System.Net;
using System.Net.Http.Json;
using Penchant.Server.Contracts;

namespace Penchant.Server;

/// <summary>The edit and principles endpoints over HTTP: an edit becomes styles in selection; comparisons become principles.</summary>
public sealed class ExplainAndEditsApiTests(PenchantServerFactory factory) : IClassFixture<PenchantServerFactory>
{
    private const string Draft = "Hello team. The release moved to Friday because the integration tests failed on Tuesday. Please plan accordingly. Thanks for your patience.";
    private const string Edited = "- Release moved to Friday\n- Integration tests failed\n- Plan accordingly";

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Edits_ThenSelectSimilarRequest_ReturnStylesWithTheEditsAsSources()
    {
        // Arrange
        HttpClient client = await factory.CreateTenantClientAsync("edits", Cancellation);
        string user = "edits-" + Guid.NewGuid().ToString("N");

        // Act
        HttpResponseMessage first = await client.PostAsJsonAsync($"/v1/users/{user}/edits", new EditRequest("Write a status email to the team about the release date", Draft, Edited), Cancellation);
        HttpResponseMessage second = await client.PostAsJsonAsync($"/v1/users/{user}/edits", new EditRequest("Write a status email to the team about the release plan", Draft, Edited), Cancellation);
        HttpResponseMessage selected = await client.PostAsJsonAsync($"/v1/users/{user}/select", new SelectRequest("Write a status email to the team about the release schedule"), Cancellation);

        // Assert
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        WriteResponse written = (await first.Content.ReadFromJsonAsync(PenchantJsonContext.Default.WriteResponse, Cancellation))!;
        Assert.Equal("edit", Assert.Single(written.Events).Kind.Name);
        SelectionResponse selection = (await selected.Content.ReadFromJsonAsync(PenchantJsonContext.Default.SelectionResponse, Cancellation))!;
        StylePreferenceContract bullets = Assert.Single(selection.Styles, static s => s.Feature == "bullet points");
        Assert.Equal("Prefers bullet points", bullets.Text);
        Assert.Contains(written.Events[0].Id, bullets.Sources);
        Assert.Contains("Prefers bullet points", selection.PromptBlock, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Principles_AfterComparisonsFavouringShortAnswers_ExplainsShorterResponses()
    {
        // Arrange: the user always prefers the short answer.
        HttpClient client = await factory.CreateTenantClientAsync("explain", Cancellation);
        string user = "explain-" + Guid.NewGuid().ToString("N");
        string[] topics = ["DNS", "TCP", "HTTP caching", "TLS", "IPv6", "load balancing", "CDNs", "rate limiting"];
        foreach (string topic in topics)
        {
            HttpResponseMessage compared = await client.PostAsJsonAsync(
                $"/v1/users/{user}/comparisons",
                new CompareRequest(
                    $"Explain {topic}.",
                    $"{topic} in one line: it routes or speeds up traffic.",
                    $"{topic} is a broad subject with a long history. It touches many layers of the network stack, and people argue about its details. There are standards, drafts and vendor extensions to read. A full answer would take a while to write out properly."),
                Cancellation);
            Assert.Equal(HttpStatusCode.OK, compared.StatusCode);
        }

        // Act
        HttpResponseMessage response = await client.GetAsync($"/v1/users/{user}/principles", Cancellation);
        HttpResponseMessage unknown = await client.GetAsync($"/v1/users/nobody-{Guid.NewGuid():N}/principles", Cancellation);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        IReadOnlyList<PrincipleContract> principles = (await response.Content.ReadFromJsonAsync(PenchantJsonContext.Default.IReadOnlyListPrincipleContract, Cancellation))!;
        PrincipleContract shorter = Assert.Single(principles, static p => p.Text == "Prefers shorter responses");
        Assert.Equal(topics.Length, shorter.Support);
        Assert.Equal(1.0, shorter.Accuracy);
        Assert.Equal(topics.Length, shorter.Sources.Count);
        Assert.Empty((await unknown.Content.ReadFromJsonAsync(PenchantJsonContext.Default.IReadOnlyListPrincipleContract, Cancellation))!);
    }
}
