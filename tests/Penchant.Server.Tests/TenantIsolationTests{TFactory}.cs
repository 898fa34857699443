using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Penchant.Server.Contracts;

namespace Penchant.Server;

/// <summary>
/// A key of tenant B never reads, changes or learns the existence of tenant A's users, even by guessing ids. Runs once per
/// store: <see cref="TenantIsolationTests"/> (SQLite) and <see cref="PostgreSqlTenantIsolationTests"/>.
/// </summary>
/// <typeparam name="TFactory">The service on one store.</typeparam>
public abstract class TenantIsolationTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PenchantServerFactory
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OtherTenant_GuessingUserAndPreferenceIds_SeesNothingAndChangesNothing()
    {
        // Arrange: tenant A's alice has a preference; tenant B knows (guesses) her user id and the preference id
        HttpClient a = await factory.CreateTenantClientAsync("tenant-a", Cancellation);
        HttpClient b = await factory.CreateTenantClientAsync("tenant-b", Cancellation);
        HttpResponseMessage written = await a.PostAsJsonAsync("/v1/users/alice/statements", new RememberRequest("I'm vegetarian, no meat or fish please."), Cancellation);
        WriteResponse write = (await written.Content.ReadFromJsonAsync(PenchantJsonContext.Default.WriteResponse, Cancellation))!;
        string preferenceId = Assert.Single(write.Created).Id;
        Assert.Equal(HttpStatusCode.OK, (await a.PostAsJsonAsync("/v1/users/alice/comparisons", new CompareRequest("Suggest a lunch", "A lentil salad.", "A long tour of every grill house in town, with prices, opening hours and history."), Cancellation)).StatusCode);
        string before = await a.GetStringAsync("/v1/users/alice/events", Cancellation);
        string historyBefore = await a.GetStringAsync("/v1/users/alice/history", Cancellation);

        // Act + Assert: reads by B answer exactly as for a user that does not exist in B
        foreach (string user in new[] { "alice", "nobody-" + Guid.NewGuid().ToString("N") })
        {
            Assert.Equal("[]", await b.GetStringAsync($"/v1/users/{user}/preferences", Cancellation));
            Assert.Equal("[]", await b.GetStringAsync($"/v1/users/{user}/history", Cancellation));
            Assert.Equal("[]", await b.GetStringAsync($"/v1/users/{user}/events", Cancellation));
            Assert.Equal("{\"matches\":[]}", await b.GetStringAsync($"/v1/users/{user}/preferences/search?q=vegetarian%20meals", Cancellation));
            HttpResponseMessage summary = await b.GetAsync($"/v1/users/{user}", Cancellation);
            Assert.Equal(HttpStatusCode.NotFound, summary.StatusCode);
            Assert.Equal(ApiProblems.NotFound, await ErrorCodeAsync(summary));
            HttpResponseMessage selected = await b.PostAsJsonAsync($"/v1/users/{user}/select", new SelectRequest("Propose a dinner recipe"), Cancellation);
            Assert.Equal(HttpStatusCode.OK, selected.StatusCode);
            SelectionResponse selection = (await selected.Content.ReadFromJsonAsync(PenchantJsonContext.Default.SelectionResponse, Cancellation))!;
            Assert.Empty(selection.Preferences);

            // Deletes by B are 404 with the same body shape as for a user or preference of its own that does not exist
            HttpResponseMessage forget = await b.DeleteAsync($"/v1/users/{user}/preferences/{preferenceId}", Cancellation);
            HttpResponseMessage forgetUser = await b.DeleteAsync($"/v1/users/{user}", Cancellation);
            Assert.Equal(HttpStatusCode.NotFound, forget.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, forgetUser.StatusCode);
            Assert.Equal(ApiProblems.NotFound, await ErrorCodeAsync(forget));
            Assert.Equal(ApiProblems.NotFound, await ErrorCodeAsync(forgetUser));
            Assert.Equal("The user has no data.", await DetailAsync(forgetUser));

            // An edit by B of A's preference is 404 like an edit of a preference B does not have, and writes nothing
            HttpResponseMessage edit = await b.PatchAsJsonAsync($"/v1/users/{user}/preferences/{preferenceId}", new EditPreferenceRequest("I eat everything."), Cancellation);
            Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
            Assert.Equal(ApiProblems.NotFound, await ErrorCodeAsync(edit));
            Assert.Equal("[]", await b.GetStringAsync($"/v1/users/{user}/events", Cancellation));

            // A narrowing by B of A's preference is 404 like one of a preference B does not have, and writes nothing
            HttpResponseMessage narrow = await b.PostAsJsonAsync($"/v1/users/{user}/preferences/{preferenceId}/narrow", new NarrowScopeRequest("my colleagues"), Cancellation);
            Assert.Equal(HttpStatusCode.NotFound, narrow.StatusCode);
            Assert.Equal(ApiProblems.NotFound, await ErrorCodeAsync(narrow));
            Assert.Equal("[]", await b.GetStringAsync($"/v1/users/{user}/events", Cancellation));

            // Principles: B sees none, and a verdict by B on any principle id is 404 and writes nothing
            Assert.Equal("[]", await b.GetStringAsync($"/v1/users/{user}/principles", Cancellation));
            HttpResponseMessage verdict = await b.PostAsJsonAsync($"/v1/users/{user}/principles/length:-1/verdicts", new PrincipleVerdictRequest(Penchant.Signals.PrincipleVerdictKind.Delete), Cancellation);
            Assert.Equal(HttpStatusCode.NotFound, verdict.StatusCode);
            Assert.Equal("[]", await b.GetStringAsync($"/v1/users/{user}/events", Cancellation));
        }

        // B's tenant-wide explanation pools none of A's judgements (B records no judgement in this class)
        Assert.Equal(0, (await b.GetFromJsonAsync("/v1/principles", PenchantJsonContext.Default.TenantExplanationResponse, Cancellation))!.Judgements);

        // B writing to "alice" creates B's own alice, never touching A's
        HttpResponseMessage bWrite = await b.PostAsJsonAsync("/v1/users/alice/statements", new RememberRequest("I love steak."), Cancellation);
        Assert.Equal(HttpStatusCode.OK, bWrite.StatusCode);
        Assert.Single(JsonDocument.Parse(await b.GetStringAsync("/v1/users/alice/events", Cancellation)).RootElement.EnumerateArray());

        // A's data is exactly as before
        Assert.Equal(before, await a.GetStringAsync("/v1/users/alice/events", Cancellation));
        Assert.Equal(historyBefore, await a.GetStringAsync("/v1/users/alice/history", Cancellation));
        Assert.DoesNotContain("steak", before, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OtherTenant_WebhooksAndImports_AreInvisibleAndUntouchable()
    {
        HttpClient a = await factory.CreateTenantClientAsync("tenant-e", Cancellation);
        HttpClient b = await factory.CreateTenantClientAsync("tenant-f", Cancellation);
        HttpResponseMessage created = await a.PostAsJsonAsync("/v1/webhooks", new CreateWebhookRequest("https://example.invalid/a", ["preference.created"]), Cancellation);
        WebhookResponse hook = (await created.Content.ReadFromJsonAsync(PenchantJsonContext.Default.WebhookResponse, Cancellation))!;
        using var upload = new StringContent("{\"user\": \"ana\", \"kind\": \"statement\", \"text\": \"I like green tea.\"}\n", System.Text.Encoding.UTF8, "application/x-ndjson");
        HttpResponseMessage accepted = await a.PostAsync("/v1/imports", upload, Cancellation);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        ImportResponse import = (await accepted.Content.ReadFromJsonAsync(PenchantJsonContext.Default.ImportResponse, Cancellation))!;

        // B sees none of A's webhooks or imports, and cannot read or delete them
        Assert.Equal("[]", await b.GetStringAsync("/v1/webhooks", Cancellation));
        Assert.Equal(HttpStatusCode.NotFound, (await b.GetAsync($"/v1/webhooks/{hook.Id}", Cancellation)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.GetAsync($"/v1/webhooks/{hook.Id}/deliveries", Cancellation)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.DeleteAsync($"/v1/webhooks/{hook.Id}", Cancellation)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.GetAsync($"/v1/imports/{import.Id}", Cancellation)).StatusCode);

        // A's webhook is still there, and A's import wrote into A's tenant only
        Assert.Equal(HttpStatusCode.OK, (await a.GetAsync($"/v1/webhooks/{hook.Id}", Cancellation)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await a.GetAsync($"/v1/imports/{import.Id}", Cancellation)).StatusCode);
        for (int i = 0; i < 600 && (await a.GetFromJsonAsync($"/v1/imports/{import.Id}", PenchantJsonContext.Default.ImportResponse, Cancellation))!.Status != "completed"; i++)
        {
            await Task.Delay(100, Cancellation);
        }

        Assert.Contains("green tea", await a.GetStringAsync("/v1/users/ana/events", Cancellation), StringComparison.Ordinal);
        Assert.Equal("[]", await b.GetStringAsync("/v1/users/ana/events", Cancellation));
    }

    [Fact]
    public async Task UsersList_TwoTenants_EachListsOnlyItsOwnUsers()
    {
        // Arrange: tenant E has three users, tenant F one user whose id is one of E's and one of its own
        HttpClient e = await factory.CreateTenantClientAsync("tenant-g", Cancellation);
        HttpClient f = await factory.CreateTenantClientAsync("tenant-h", Cancellation);
        foreach (string user in new[] { "erin", "eve", "ezra" })
        {
            Assert.Equal(HttpStatusCode.OK, (await e.PostAsJsonAsync($"/v1/users/{user}/statements", new RememberRequest("I prefer tea."), Cancellation)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await f.PostAsJsonAsync("/v1/users/eve/statements", new RememberRequest("I prefer coffee."), Cancellation)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await f.PostAsJsonAsync("/v1/users/fay/statements", new RememberRequest("I prefer coffee."), Cancellation)).StatusCode);

        // Act: E pages by two; F lists all and searches for E's names
        var seen = new List<string>();
        string? cursor = null;
        do
        {
            UserPageResponse page = (await e.GetFromJsonAsync(
                "/v1/users?limit=2" + (cursor is null ? string.Empty : "&cursor=" + Uri.EscapeDataString(cursor)), PenchantJsonContext.Default.UserPageResponse, Cancellation))!;
            seen.AddRange(page.Users.Select(static u => u.UserId));
            cursor = page.NextCursor;
        }
        while (cursor is not null);
        UserPageResponse fAll = (await f.GetFromJsonAsync("/v1/users", PenchantJsonContext.Default.UserPageResponse, Cancellation))!;
        UserPageResponse fSearch = (await f.GetFromJsonAsync("/v1/users?q=e", PenchantJsonContext.Default.UserPageResponse, Cancellation))!;

        // Assert
        Assert.Equal(["erin", "eve", "ezra"], seen);
        Assert.Equal(["eve", "fay"], fAll.Users.Select(static u => u.UserId));
        Assert.Equal("eve", Assert.Single(fSearch.Users).UserId);
        UserSummaryContract eveInF = (await f.GetFromJsonAsync("/v1/users/eve", PenchantJsonContext.Default.UserSummaryContract, Cancellation))!;
        Assert.Equal(1, eveInF.Events);
        Assert.Equal(HttpStatusCode.NotFound, (await f.GetAsync("/v1/users/ezra", Cancellation)).StatusCode);
    }

    [Fact]
    public async Task SameUserIdInTwoTenants_IdempotencyKeysAndWritesStaySeparate()
    {
        HttpClient a = await factory.CreateTenantClientAsync("tenant-c", Cancellation);
        HttpClient b = await factory.CreateTenantClientAsync("tenant-d", Cancellation);

        using var requestA = new HttpRequestMessage(HttpMethod.Post, "/v1/users/sam/statements") { Content = JsonContent.Create(new RememberRequest("I prefer tea.")) };
        requestA.Headers.Add("Idempotency-Key", "same-key");
        using var requestB = new HttpRequestMessage(HttpMethod.Post, "/v1/users/sam/statements") { Content = JsonContent.Create(new RememberRequest("I prefer coffee.")) };
        requestB.Headers.Add("Idempotency-Key", "same-key");
        HttpResponseMessage responseA = await a.SendAsync(requestA, Cancellation);
        HttpResponseMessage responseB = await b.SendAsync(requestB, Cancellation);

        Assert.Equal(HttpStatusCode.OK, responseA.StatusCode);
        Assert.Equal(HttpStatusCode.OK, responseB.StatusCode);
        Assert.False(responseB.Headers.Contains("Idempotent-Replayed"));
        Assert.Contains("tea", await a.GetStringAsync("/v1/users/sam/events", Cancellation), StringComparison.Ordinal);
        Assert.DoesNotContain("coffee", await a.GetStringAsync("/v1/users/sam/events", Cancellation), StringComparison.Ordinal);
        Assert.DoesNotContain("tea", await b.GetStringAsync("/v1/users/sam/events", Cancellation), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OtherTenant_FilteringByMetadata_SeesNothingOfTheSameMetadata()
    {
        HttpClient a = await factory.CreateTenantClientAsync("tenant-e", Cancellation);
        HttpClient b = await factory.CreateTenantClientAsync("tenant-f", Cancellation);
        var mail = new Dictionary<string, string> { ["app"] = "mail" };
        HttpResponseMessage written = await a.PostAsJsonAsync("/v1/users/mia/statements", new RememberRequest("I'm vegetarian, no meat or fish please.", Metadata: mail, Ttl: "P7D"), Cancellation);
        Assert.Equal(HttpStatusCode.OK, written.StatusCode);
        Assert.Contains("\"app\":\"mail\"", await a.GetStringAsync("/v1/users/mia/preferences?metadata.app=mail", Cancellation), StringComparison.Ordinal);

        Assert.Equal("[]", await b.GetStringAsync("/v1/users/mia/preferences?metadata.app=mail", Cancellation));
        Assert.Equal("[]", await b.GetStringAsync("/v1/users/mia/history?metadata.app=mail", Cancellation));
        Assert.Equal("[]", await b.GetStringAsync("/v1/users/mia/events?metadata.app=mail", Cancellation));
        HttpResponseMessage selected = await b.PostAsJsonAsync("/v1/users/mia/select?metadata.app=mail", new SelectRequest("Propose a dinner recipe"), Cancellation);
        Assert.Equal(HttpStatusCode.OK, selected.StatusCode);
        Assert.Empty((await selected.Content.ReadFromJsonAsync(PenchantJsonContext.Default.SelectionResponse, Cancellation))!.Preferences);
    }

    [Fact]
    public async Task OtherTenant_DecisionsEvaluationsAndRecommendations_SeesNothingAndChangesNothing()
    {
        // Arrange: tenant A's dana has a decision and a chosen item; A's next-item model is trained.
        HttpClient a = await factory.CreateTenantClientAsync("tenant-i", Cancellation);
        HttpClient b = await factory.CreateTenantClientAsync("tenant-j", Cancellation);
        using var decide = new StringContent("""{"decisionId": "dc-dana-1", "context": {"features": {"time": "morning"}}, "actions": [{"id": "x"}, {"id": "y"}]}""", System.Text.Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.OK, (await a.PostAsync("/v1/users/dana/decisions", decide, Cancellation)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await a.PostAsJsonAsync("/v1/users/dana/decisions/dc-dana-1/reward", new RewardRequest(1.0), Cancellation)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await a.PostAsJsonAsync("/v1/users/dana/choices", new ChooseRequest("What next?", ["book-1", "book-2"], 0), Cancellation)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await a.PostAsync("/v1/recommendations/train", null, Cancellation)).StatusCode);
        string before = await a.GetStringAsync("/v1/users/dana/events", Cancellation);
        var evaluate = new EvaluatePolicyRequest(Penchant.Deciding.DecisionPolicy.InverseGap);

        // Act: B guesses the user and decision ids.
        HttpResponseMessage reward = await b.PostAsJsonAsync("/v1/users/dana/decisions/dc-dana-1/reward", new RewardRequest(0.0), Cancellation);
        HttpResponseMessage activate = await b.PostAsync("/v1/users/dana/decisions/dc-dana-1/activate", null, Cancellation);
        PolicyEvaluationResponse user = (await (await b.PostAsJsonAsync("/v1/users/dana/decisions/evaluations", evaluate, Cancellation)).Content.ReadFromJsonAsync(PenchantJsonContext.Default.PolicyEvaluationResponse, Cancellation))!;
        PolicyEvaluationResponse tenant = (await (await b.PostAsJsonAsync("/v1/decisions/evaluations", evaluate, Cancellation)).Content.ReadFromJsonAsync(PenchantJsonContext.Default.PolicyEvaluationResponse, Cancellation))!;
        DecisionReportResponse report = (await b.GetFromJsonAsync("/v1/users/dana/decisions/report", PenchantJsonContext.Default.DecisionReportResponse, Cancellation))!;
        RecommendationsResponse recommended = (await b.GetFromJsonAsync("/v1/users/dana/recommendations", PenchantJsonContext.Default.RecommendationsResponse, Cancellation))!;

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, reward.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, activate.StatusCode);
        Assert.Equal(0, user.Decisions);
        Assert.Equal(0, tenant.Decisions);
        Assert.Equal(0, report.Decisions);
        Assert.Empty(recommended.Items);
        Assert.Equal("[]", await b.GetStringAsync("/v1/users/dana/events", Cancellation));
        Assert.Equal(before, await a.GetStringAsync("/v1/users/dana/events", Cancellation));
        Assert.Equal(1, (await a.GetFromJsonAsync("/v1/users/dana/decisions/report", PenchantJsonContext.Default.DecisionReportResponse, Cancellation))!.Rewarded);
    }

    private static async Task<string?> ErrorCodeAsync(HttpResponseMessage response)
    {
        using JsonDocument problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancellation));
        return problem.RootElement.GetProperty("errorCode").GetString();
    }

    private static async Task<string?> DetailAsync(HttpResponseMessage response)
    {
        using JsonDocument problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancellation));
        return problem.RootElement.GetProperty("detail").GetString();
    }
}
