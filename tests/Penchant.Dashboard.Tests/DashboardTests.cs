using System.Net;
using System.Net.Http.Json;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Penchant.Server.Contracts;

namespace Penchant.Server.Dashboard;

/// <summary>The dashboard in a real browser (Debian's Chromium through Playwright) against the real service on loopback.</summary>
public sealed class DashboardTests(DashboardServer server) : IClassFixture<DashboardServer>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SignIn_BadKeyRefused_GoodKeyShowsUsersOfItsTenant()
    {
        // Arrange
        string key = await server.CreateKeyAsync("signin", Cancellation);
        Assert.Equal(HttpStatusCode.OK, (await server.Api(key).PostAsJsonAsync("/v1/users/sally/statements", new RememberRequest("Trains beat planes for me."), Cancellation)).StatusCode);
        IPage page = await server.AnonymousPageAsync();

        // Act + Assert: the users page sends a stranger to sign in; a wrong key is refused
        await page.GotoAsync("/");
        Assert.Contains("/signin", page.Url, StringComparison.Ordinal);
        await DashboardServer.ScreenshotAsync(page, "signin");
        await page.GetByLabel("API key").FillAsync("pk_notakey_000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync(new() { Timeout = DashboardServer.Timeout });
        Assert.Contains("not valid", await page.GetByRole(AriaRole.Alert).InnerTextAsync(), StringComparison.Ordinal);

        // A valid key signs in with an HTTP-only, secure cookie and lists the tenant's users
        IPage signedIn = await server.SignedInPageAsync(key);
        BrowserContextCookiesResult cookie = Assert.Single(await signedIn.Context.CookiesAsync(), static c => c.Name == DashboardSetup.CookieName);
        Assert.True(cookie.HttpOnly);
        Assert.True(cookie.Secure);
        await Expect(signedIn.GetByRole(AriaRole.Link, new() { Name = "sally" }));
        await DashboardServer.ScreenshotAsync(signedIn, "users");
    }

    [Fact]
    public async Task Preference_AddedThroughApi_ShownEditedDeletedAndGoneFromSelect()
    {
        // Arrange: a preference written through the API
        string key = await server.CreateKeyAsync("lifecycle", Cancellation);
        HttpClient api = server.Api(key);
        HttpResponseMessage written = await api.PostAsJsonAsync("/v1/users/dana/statements", new RememberRequest("I prefer vegetarian dishes."), Cancellation);
        Assert.Equal(HttpStatusCode.OK, written.StatusCode);
        IPage page = await server.SignedInPageAsync(key);

        // Act + Assert: it shows on the user's page
        await page.GetByRole(AriaRole.Link, new() { Name = "dana" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "User dana" }));
        ILocator row = page.Locator("tr[data-preference]");
        Assert.Equal(1, await row.CountAsync());
        string before = await row.Locator(".preference-text").InnerTextAsync();
        Assert.Contains("vegetarian", before, StringComparison.OrdinalIgnoreCase);
        await DashboardServer.ScreenshotAsync(page, "user");

        // Its provenance is one click away: the source event with its date and text
        await row.GetByRole(AriaRole.Link, new() { Name = "1 source" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Where a preference of dana came from" }));
        await Expect(page.Locator("section[aria-labelledby=sources]").GetByText("I prefer vegetarian dishes.", new() { Exact = false }));
        await DashboardServer.ScreenshotAsync(page, "provenance");
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to user dana" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "User dana" }));

        // Edit the text: the new version is current, the old one is in the history
        await row.GetByText("Edit", new() { Exact = true }).ClickAsync();
        await row.GetByLabel("Text").FillAsync("Prefers vegan dishes.");
        await row.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.GetByText("Saved:"));
        Assert.Equal("Prefers vegan dishes.", await page.Locator("tr[data-preference] .preference-text").InnerTextAsync());
        await Expect(page.Locator("section[aria-labelledby=history]").GetByText(before));
        IReadOnlyList<PreferenceContract> listed = (await api.GetFromJsonAsync("/v1/users/dana/preferences", PenchantJsonContext.Default.IReadOnlyListPreferenceContract, Cancellation))!;
        Assert.Equal("Prefers vegan dishes.", Assert.Single(listed).Text);

        // Delete: gone from the page and from Select
        await page.Locator("tr[data-preference]").GetByRole(AriaRole.Button, new() { Name = "Delete preference Prefers vegan dishes." }).ClickAsync();
        await Expect(page.GetByText("Deleted:"));
        Assert.Equal(0, await page.Locator("tr[data-preference]").CountAsync());
        Assert.Empty((await api.GetFromJsonAsync("/v1/users/dana/preferences", PenchantJsonContext.Default.IReadOnlyListPreferenceContract, Cancellation))!);
        SelectionResponse selection = (await (await api.PostAsJsonAsync("/v1/users/dana/select", new SelectRequest("Suggest vegan dishes for dinner"), Cancellation)).Content.ReadFromJsonAsync<SelectionResponse>(Cancellation))!;
        Assert.Empty(selection.Preferences);
    }

    [Fact]
    public async Task TryRequest_ShowsSelectionWithProbabilityAndRankedCandidates()
    {
        string key = await server.CreateKeyAsync("try", Cancellation);
        Assert.Equal(HttpStatusCode.OK, (await server.Api(key).PostAsJsonAsync("/v1/users/tom/statements", new RememberRequest("When I fly, I always want an aisle seat."), Cancellation)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await server.Api(key).PostAsJsonAsync("/v1/users/tom/statements", new RememberRequest("Keep emails to my boss formal."), Cancellation)).StatusCode);
        IPage page = await server.SignedInPageAsync(key);

        await page.GetByRole(AriaRole.Link, new() { Name = "Try a request" }).ClickAsync();
        await page.GetByLabel("User", new() { Exact = true }).FillAsync("tom");
        await page.GetByLabel("Request").FillAsync("Book me a flight to Lisbon and pick a seat.");
        await page.GetByLabel("Candidates (optional, one per line)").FillAsync("Seat 14C, on the aisle\nSeat 14A, by the window");
        await page.GetByRole(AriaRole.Button, new() { Name = "Try" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Candidates, best first" }));
        string selected = await page.Locator(".selected-text").First.InnerTextAsync();
        Assert.Contains("aisle", selected, StringComparison.OrdinalIgnoreCase);
        string probability = await page.Locator("section[aria-labelledby=selected] tbody tr td").Nth(1).InnerTextAsync();
        Assert.InRange(double.Parse(probability, System.Globalization.CultureInfo.InvariantCulture), 0.4, 1.0);
        Assert.Equal(2, await page.Locator("section[aria-labelledby=ranked] tbody tr").CountAsync());

        // The preference left out is shown just below the threshold, with its probability and why
        ILocator missed = page.Locator("table[aria-labelledby=below] tbody tr");
        Assert.Equal(1, await missed.CountAsync());
        Assert.Equal("Keep emails to my boss formal.", await missed.Locator("td").Nth(0).InnerTextAsync());
        double below = double.Parse(await missed.Locator("td").Nth(1).InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(below < double.Parse(probability, System.Globalization.CultureInfo.InvariantCulture), $"{below} vs {probability}");
        Assert.StartsWith("below the threshold", await missed.Locator("td").Nth(2).InnerTextAsync(), StringComparison.Ordinal);
        await DashboardServer.ScreenshotAsync(page, "try");
    }

    [Fact]
    public async Task Models_RendersPlotsAsSvg()
    {
        string key = await server.CreateKeyAsync("models", Cancellation);
        HttpClient api = server.Api(key);
        HttpResponseMessage remembered = await api.PostAsJsonAsync("/v1/users/hana/statements", new RememberRequest("I like short answers."), Cancellation);
        Assert.Equal(HttpStatusCode.OK, remembered.StatusCode);
        string preferenceId = (await remembered.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Cancellation)).GetProperty("created")[0].GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync("/v1/users/hana/reactions", new { turn = "Thanks, that was perfect.", request = "Explain DNS briefly.", answer = "DNS maps names to addresses.", appliedPreferenceIds = new[] { preferenceId } }, Cancellation)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync("/v1/users/hana/reactions", new { turn = "No, that is not what I asked for.", request = "Summarize this report.", answer = "A long summary.", appliedPreferenceIds = new[] { preferenceId } }, Cancellation)).StatusCode);

        // Two decisions, one rewarded, so the decisions section has a report, rewards and off-policy estimates
        for (int i = 0; i < 2; i++)
        {
            HttpResponseMessage decided = await api.PostAsJsonAsync("/v1/users/hana/decisions", new { context = new { text = "Breakfast suggestion" }, actions = new[] { new { id = "porridge" }, new { id = "toast" } } }, Cancellation);
            Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
            string decisionId = (await decided.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Cancellation)).GetProperty("decisionId").GetString()!;
            if (i == 0)
            {
                Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync($"/v1/users/hana/decisions/{decisionId}/reward", new { value = 1.0 }, Cancellation)).StatusCode);
            }
        }

        IPage page = await server.SignedInPageAsync(key);

        await page.GetByRole(AriaRole.Link, new() { Name = "Models & health" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Models & health" }));
        ILocator signals = page.GetByRole(AriaRole.Img, new() { Name = "Signals per day by kind" });
        await signals.WaitForAsync();
        Assert.True(await signals.Locator("svg").CountAsync() == 1);
        LocatorBoundingBoxResult? box = await signals.Locator("svg").BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.Width > 100 && box.Height > 50);
        Assert.Equal(1, await page.GetByRole(AriaRole.Img, new() { Name = "Acceptance of applied preferences over time" }).Locator("svg").CountAsync());
        Assert.Equal(1, await page.GetByRole(AriaRole.Img, new() { Name = "Selection gate reliability" }).Locator("svg").CountAsync());
        await Expect(page.GetByText("judged applications", new() { Exact = false }));
        await Expect(page.GetByText("2 decisions learned from", new() { Exact = false }));
        Assert.Equal(1, await page.GetByRole(AriaRole.Img, new() { Name = "Rewards per day" }).Locator("svg").CountAsync());
        await DashboardServer.ScreenshotAsync(page, "models");

        // The off-policy estimates are one click away (they replay the decision log once per policy)
        await page.GetByRole(AriaRole.Link, new() { Name = "Estimate each policy's value off-policy" }).ClickAsync();
        await page.GetByRole(AriaRole.Img, new() { Name = "Off-policy estimates" }).WaitForAsync();
        Assert.Equal(1, await page.GetByRole(AriaRole.Img, new() { Name = "Off-policy estimates" }).Locator("svg").CountAsync());
        Assert.Equal(4, await page.GetByRole(AriaRole.Table, new() { Name = "Off-policy estimates" }).Locator("tbody tr").CountAsync());
        await DashboardServer.ScreenshotAsync(page, "models-estimates");
    }

    [Fact]
    public async Task CrossTenant_KeyOfTenantA_NeverShowsTenantBUsers()
    {
        string a = await server.CreateKeyAsync("tenant-a", Cancellation);
        string b = await server.CreateKeyAsync("tenant-b", Cancellation);
        Assert.Equal(HttpStatusCode.OK, (await server.Api(a).PostAsJsonAsync("/v1/users/alice/statements", new RememberRequest("I prefer tea."), Cancellation)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await server.Api(b).PostAsJsonAsync("/v1/users/bob-of-b/statements", new RememberRequest("I prefer mountain holidays."), Cancellation)).StatusCode);
        IPage page = await server.SignedInPageAsync(a);

        // The list, a search, the user page, Try and the export by guessed id show nothing of B
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "alice" }));
        Assert.DoesNotContain("bob-of-b", await page.ContentAsync(), StringComparison.Ordinal);
        await page.GetByLabel("Search users by id").FillAsync("bob");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Expect(page.GetByText("No users match."));
        await page.GotoAsync("/users/bob-of-b");
        await Expect(page.GetByText("This user has no data in your tenant."));
        Assert.DoesNotContain("mountain", await page.ContentAsync(), StringComparison.OrdinalIgnoreCase);
        IAPIResponse export = await page.APIRequest.GetAsync("/dashboard/export/bob-of-b");
        Assert.Equal("[]", (await export.TextAsync()).Trim());
        await page.GotoAsync("/models?user=bob-of-b");
        Assert.DoesNotContain("mountain", await page.ContentAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ScriptInPreferenceText_ShownAsText_NeverRun()
    {
        string key = await server.CreateKeyAsync("xss", Cancellation);
        const string Text = "I prefer <script>window.__penchantPwned = 1</script><img src=x onerror=\"window.__penchantPwned = 2\"> plain answers.";
        Assert.Equal(HttpStatusCode.OK, (await server.Api(key).PostAsJsonAsync("/v1/users/xavier/statements", new RememberRequest(Text), Cancellation)).StatusCode);
        IPage page = await server.SignedInPageAsync(key);

        await page.GotoAsync("/users/xavier");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "User xavier" }));

        Assert.Contains("<script>window.__penchantPwned = 1</script>", await page.Locator("section[aria-labelledby=log]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("undefined", await page.EvaluateAsync<string>("() => typeof window.__penchantPwned"));
        Assert.Equal(0, await page.Locator("main script, main img").CountAsync());
    }

    [Fact]
    public async Task EveryPage_NoSeriousOrCriticalAccessibilityViolations()
    {
        string key = await server.CreateKeyAsync("a11y", Cancellation);
        Assert.Equal(HttpStatusCode.OK, (await server.Api(key).PostAsJsonAsync("/v1/users/amy/statements", new RememberRequest("I prefer large fonts."), Cancellation)).StatusCode);
        IPage page = await server.SignedInPageAsync(key);
        IPage signIn = await server.AnonymousPageAsync();
        await signIn.GotoAsync("/signin");

        var failures = new List<string>();
        await ScanAsync(signIn, "/signin", failures);
        foreach (string path in new[] { "/", "/users/amy", "/try?user=amy", "/models?user=amy" })
        {
            await page.GotoAsync(path);
            await ScanAsync(page, path, failures);
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private static async Task ScanAsync(IPage page, string path, List<string> failures)
    {
        AxeResult result = await page.RunAxe();
        foreach (AxeResultItem violation in result.Violations)
        {
            if (violation.Impact is "serious" or "critical")
            {
                failures.Add($"{path}: {violation.Id} ({violation.Impact}): {violation.Help} at {string.Join(", ", violation.Nodes.Select(static n => n.Target?.ToString()))}");
            }
        }
    }

    private static Task Expect(ILocator locator) => Assertions.Expect(locator.First).ToBeVisibleAsync(new() { Timeout = DashboardServer.Timeout });
}
