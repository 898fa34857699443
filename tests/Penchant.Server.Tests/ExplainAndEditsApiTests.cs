using System.Net;
using System.Net.Http.Json;
using Penchant.Domain;
using Penchant.Server.Contracts;
using Penchant.Signals;

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

    [Fact]
    public async Task PrincipleVerdicts_ConfirmMarks_CorrectHidesAndRemembers_AndTheTenantViewCountsUsers()
    {
        // Arrange: two users of one tenant who always prefer the short answer, one user of another tenant likewise
        HttpClient client = await factory.CreateTenantClientAsync("verdicts-" + Guid.NewGuid().ToString("N")[..8], Cancellation);
        HttpClient other = await factory.CreateTenantClientAsync("verdicts-other", Cancellation);
        string first = "first-" + Guid.NewGuid().ToString("N");
        string second = "second-" + Guid.NewGuid().ToString("N");
        await PreferShortAsync(client, first);
        await PreferShortAsync(client, second);
        await PreferShortAsync(other, first);
        PrincipleContract shorter = Assert.Single(await PrinciplesAsync(client, first), static p => p.Text == "Prefers shorter responses");
        Assert.Equal(PrincipleStatus.Proposed, shorter.Status);

        // Act: the first user confirms it, the second corrects it
        HttpResponseMessage confirmed = await client.PostAsJsonAsync($"/v1/users/{first}/principles/{shorter.Id}/verdicts", new PrincipleVerdictRequest(PrincipleVerdictKind.Confirm), Cancellation);
        HttpResponseMessage corrected = await client.PostAsJsonAsync(
            $"/v1/users/{second}/principles/{shorter.Id}/verdicts",
            new PrincipleVerdictRequest(PrincipleVerdictKind.Correct, "Short answers for networking questions, long ones for history."),
            Cancellation);
        HttpResponseMessage tenant = await client.GetAsync("/v1/principles", Cancellation);

        // Assert
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
        Assert.Equal(PrincipleStatus.Confirmed, Assert.Single(await PrinciplesAsync(client, first), p => p.Id == shorter.Id).Status);
        Assert.DoesNotContain(await PrinciplesAsync(client, second), p => p.Id == shorter.Id);
        WriteResponse correction = (await corrected.Content.ReadFromJsonAsync(PenchantJsonContext.Default.WriteResponse, Cancellation))!;
        Assert.Equal("principle_verdict", Assert.Single(correction.Events).Kind.Name);
        Assert.Equal("Short answers for networking questions, long ones for history.", Assert.Single(correction.Created).Text);
        TenantExplanationResponse explanation = (await tenant.Content.ReadFromJsonAsync(PenchantJsonContext.Default.TenantExplanationResponse, Cancellation))!;
        Assert.Equal(2, explanation.Users);
        TenantPrincipleContract pooled = Assert.Single(explanation.Principles, p => p.Principle.Id == shorter.Id);
        Assert.Equal(1, pooled.Users);
        Assert.Equal(2 * Topics.Length, pooled.Principle.Support);
    }

    private static readonly string[] Topics = ["DNS", "TCP", "HTTP caching", "TLS", "IPv6", "load balancing", "CDNs", "rate limiting"];

    private static async Task PreferShortAsync(HttpClient client, string user)
    {
        foreach (string topic in Topics)
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
    }

    private static async Task<IReadOnlyList<PrincipleContract>> PrinciplesAsync(HttpClient client, string user)
        => (await client.GetFromJsonAsync($"/v1/users/{user}/principles", PenchantJsonContext.Default.IReadOnlyListPrincipleContract, Cancellation))!;
}
