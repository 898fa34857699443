using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using Penchant.Storage;

namespace Penchant.Server.Dashboard;

/// <summary>
/// The real service on loopback (Kestrel, a SQLite file, the MiniLM model) and Debian's Chromium driven by Playwright.
/// One per test class.
/// </summary>
public sealed class DashboardServer : WebApplicationFactory<Program>, IAsyncLifetime
{
    /// <summary>Where Debian installs Chromium (<c>apt-get install -y chromium</c>); Playwright cannot download browsers here.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "penchant-dashboard-tests-" + Guid.NewGuid().ToString("N"));
    private IPlaywright? _playwright;

    public DashboardServer() => UseKestrel(0);

    /// <summary>How long a browser step may wait: generous, since the tests share two cores with other work.</summary>
    public const float Timeout = 180_000;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Opens a new browser context without a cookie.</summary>
    public async Task<IPage> AnonymousPageAsync()
    {
        IBrowserContext context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseAddress.ToString() });
        context.SetDefaultTimeout(Timeout);
        return await context.NewPageAsync();
    }

    public Uri BaseAddress { get; private set; } = null!;

    public IApiKeyStore Keys => Services.GetRequiredService<IApiKeyStore>();

    public async ValueTask InitializeAsync()
    {
        StartServer();
        // Chromium keeps Secure cookies on http://localhost (a potentially trustworthy origin), so the browser uses that
        // name for the loopback address Kestrel listens on and the production cookie policy (Secure always) stays.
        BaseAddress = new UriBuilder(ClientOptions.BaseAddress) { Host = "localhost" }.Uri;
        HttpClient client = CreateClient();
        for (int attempt = 0; attempt < 1200 && !(await client.GetAsync("/health/ready")).IsSuccessStatusCode; attempt++)
        {
            await Task.Delay(100);
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>Creates a tenant and one of its keys.</summary>
    public async Task<string> CreateKeyAsync(string tenant, CancellationToken cancellationToken)
    {
        await Keys.CreateTenantAsync(tenant, cancellationToken);
        return (await Keys.CreateKeyAsync(tenant, cancellationToken)).Key;
    }

    /// <summary>Creates an HTTP client of the API with a key.</summary>
    public HttpClient Api(string key)
    {
        HttpClient client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    /// <summary>Opens a new browser context (its own cookies) and signs in with a key.</summary>
    public async Task<IPage> SignedInPageAsync(string key)
    {
        IBrowserContext context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseAddress.ToString(), ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        context.SetDefaultTimeout(Timeout);
        context.SetDefaultNavigationTimeout(Timeout);
        IPage page = await context.NewPageAsync();
        var console = new List<string>();
        page.Console += (_, message) => console.Add($"console {message.Type}: {message.Text}");
        page.RequestFailed += (_, request) => console.Add($"failed {request.Method} {request.Url}: {request.Failure}");
        page.Response += (_, response) => console.Add($"{response.Status} {response.Request.Method} {response.Url}");
        await page.GotoAsync("/signin");
        await page.GetByLabel("API key").FillAsync(key);
        try
        {
            // The sign-in form is a plain (not enhanced) POST answered by a redirect to the users page.
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await page.WaitForURLAsync(static url => !url.Contains("/signin", StringComparison.Ordinal), new PageWaitForURLOptions { Timeout = Timeout });
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Users", Exact = true })).ToBeVisibleAsync(new() { Timeout = Timeout });
        }
        catch (Exception failure) when (failure is PlaywrightException or TimeoutException)
        {
            string shot = Path.Combine(Path.GetTempPath(), "penchant-dashboard-signin-" + Guid.NewGuid().ToString("N") + ".png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = shot, FullPage = true });
            IReadOnlyList<BrowserContextCookiesResult> cookies = await context.CookiesAsync();
            throw new InvalidOperationException(
                $"Sign-in did not reach the users page. URL {page.Url}; cookies [{string.Join(", ", cookies.Select(static c => c.Name + (c.Secure ? " (secure)" : string.Empty)))}]; screenshot {shot};{Environment.NewLine}{string.Join(Environment.NewLine, console)}",
                failure);
        }

        return page;
    }

    /// <summary>Saves a screenshot when <c>PENCHANT_SCREENSHOTS</c> names a folder (how <c>docs/images</c> is made).</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("PENCHANT_SCREENSHOTS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            PageViewportSizeResult? desktop = page.ViewportSize;
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });

            // And at a phone's width (CSS pixels of a common phone), then back.
            await page.SetViewportSizeAsync(390, 844);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + "-phone.png"), FullPage = true });
            if (desktop is not null)
            {
                await page.SetViewportSizeAsync(desktop.Width, desktop.Height);
            }
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting(ServerHost.DatabaseKey, Path.Combine(_directory, "penchant.db"));
        builder.UseSetting("Penchant:Service:BootstrapKey", "false");
        builder.UseSetting("Penchant:Service:RequestTimeout", "00:02:00");
        builder.UseEnvironment("Development");
        builder.ConfigureLogging(static logging => logging.SetMinimumLevel(LogLevel.Warning));
    }

    public override async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
