using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Penchant.Server.Contracts;

namespace Penchant.Server;

/// <summary>
/// Webhooks end to end over real HTTP on loopback: signed deliveries, retried with backoff through a receiver that fails
/// every other request, every attempt recorded, and writes never waiting for a receiver.
/// </summary>
public sealed class WebhooksApiTests(FastWebhookServerFactory factory) : IClassFixture<FastWebhookServerFactory>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Deliveries_ThroughAReceiverFailingHalfItsRequests_ArriveAtLeastOnceSignedAndRecorded()
    {
        // Arrange: a receiver on loopback that answers 500 to every other request, and a webhook for every event
        await using var receiver = await Receiver.StartAsync(failEveryOther: true);
        HttpClient client = await factory.CreateTenantClientAsync("hooks-half", Cancellation);
        WebhookResponse hook = await CreateAsync(client, receiver.Url, ["preference.created", "preference.superseded", "preference.forgotten", "user.forgotten"]);
        Assert.NotNull(hook.Secret);
        Assert.StartsWith("whsec_", hook.Secret, StringComparison.Ordinal);

        // Act: writes that create, supersede and forget preferences, and forget a user
        var expected = new HashSet<(string Type, string About)>();
        string[] statements =
        [
            "I never eat mushrooms, I can't stand them.",
            "Weekly reports for my team should use tables.",
            "I cycle to the office every morning.",
            "Keep replies to my landlord short and polite.",
        ];
        string? forgettable = null;
        foreach (string text in statements)
        {
            WriteResponse write = await RememberAsync(client, "lena", text);
            foreach (PreferenceContract created in write.Created)
            {
                expected.Add(("preference.created", created.Id));
                forgettable ??= created.Id;
            }

            foreach (PreferenceContract superseded in write.Superseded)
            {
                expected.Add(("preference.superseded", superseded.Id));
            }
        }

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/v1/users/lena/preferences/{forgettable}", Cancellation)).StatusCode);
        expected.Add(("preference.forgotten", forgettable!));
        foreach (PreferenceContract created in (await RememberAsync(client, "marek", "I read everything on paper, never on screens.")).Created)
        {
            expected.Add(("preference.created", created.Id));
        }

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync("/v1/users/marek", Cancellation)).StatusCode);
        expected.Add(("user.forgotten", "marek"));

        // Assert: every event arrives (at least once), each body signed with the webhook's secret over "t.body"
        HashSet<(string, string)> received = await receiver.WaitForAsync(expected.Count, TimeSpan.FromSeconds(90));
        foreach ((string type, string about) in expected.Where(static e => e.Type != "user.forgotten"))
        {
            Assert.Contains((type, about), received);
        }

        Assert.Contains(("user.forgotten", "user:marek"), received);
        Assert.All(receiver.Requests, r => Assert.True(Verify(hook.Secret!, r.Signature, r.Body), "signature"));
        Assert.True(receiver.Failed >= expected.Count / 2, $"the receiver failed {receiver.Failed} of {receiver.Requests.Count} requests");

        // Assert: the deliveries record every attempt: a failed one (500) before the success, none left pending
        IReadOnlyList<WebhookDeliveryContract> deliveries = await WaitForDeliveredAsync(client, hook.Id, expected.Count);
        Assert.Equal(expected.Count, deliveries.Count);
        Assert.All(deliveries, d => Assert.Equal("delivered", d.Status));
        Assert.All(deliveries, d => Assert.Equal(200, d.Attempts[^1].StatusCode));
        Assert.Contains(deliveries, d => d.Attempts.Count > 1 && d.Attempts[0].StatusCode == 500 && d.Attempts[0].Error is not null);
        Assert.Equal(receiver.Requests.Count, deliveries.Sum(static d => d.Attempts.Count));
    }

    [Fact]
    public async Task Write_WithAnUnreachableReceiver_IsNotBlocked_AndTheFailedAttemptsAreRecorded()
    {
        HttpClient client = await factory.CreateTenantClientAsync("hooks-down", Cancellation);
        WebhookResponse hook = await CreateAsync(client, $"http://127.0.0.1:{FreePort()}/hook", ["preference.created"]);

        WriteResponse write = await RememberAsync(client, "ola", "I never eat mushrooms, I can't stand them.");
        Assert.Single(write.Created);

        IReadOnlyList<WebhookDeliveryContract> deliveries = [];
        for (int i = 0; i < 600 && (deliveries.Count == 0 || deliveries[0].Attempts.Count < 2); i++)
        {
            await Task.Delay(100, Cancellation);
            deliveries = (await client.GetFromJsonAsync($"/v1/webhooks/{hook.Id}/deliveries", PenchantJsonContext.Default.IReadOnlyListWebhookDeliveryContract, Cancellation))!;
        }

        WebhookDeliveryContract delivery = Assert.Single(deliveries);
        Assert.Equal("preference.created", delivery.EventType);
        Assert.Equal("pending", delivery.Status);
        Assert.NotNull(delivery.NextAttemptAt);
        Assert.True(delivery.Attempts.Count >= 2);
        Assert.All(delivery.Attempts, a => Assert.Null(a.StatusCode));
        Assert.All(delivery.Attempts, a => Assert.False(string.IsNullOrEmpty(a.Error)));
    }

    [Fact]
    public async Task Secret_IsShownOnlyAtCreation_AndDeleteRemovesTheWebhook()
    {
        HttpClient client = await factory.CreateTenantClientAsync("hooks-secret", Cancellation);
        WebhookResponse hook = await CreateAsync(client, "https://example.invalid/hook", ["user.forgotten"]);

        WebhookResponse read = (await client.GetFromJsonAsync($"/v1/webhooks/{hook.Id}", PenchantJsonContext.Default.WebhookResponse, Cancellation))!;
        IReadOnlyList<WebhookResponse> listed = (await client.GetFromJsonAsync("/v1/webhooks", PenchantJsonContext.Default.IReadOnlyListWebhookResponse, Cancellation))!;
        Assert.Null(read.Secret);
        Assert.Equal(["user.forgotten"], read.Events);
        Assert.Null(Assert.Single(listed).Secret);
        Assert.DoesNotContain(hook.Secret!, await client.GetStringAsync("/v1/webhooks", Cancellation), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/v1/webhooks/{hook.Id}", Cancellation)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/v1/webhooks/{hook.Id}", Cancellation)).StatusCode);
        Assert.Equal("[]", await client.GetStringAsync("/v1/webhooks", Cancellation));
    }

    internal static bool Verify(string secret, string? header, byte[] body)
    {
        // The receiver's side, written from the documentation: t=<seconds>,v1=<hex HMAC-SHA256 of "t.body">
        if (header is null)
        {
            return false;
        }

        Dictionary<string, string> parts = header.Split(',').Select(static p => p.Split('=', 2)).ToDictionary(static p => p[0], static p => p[1]);
        byte[] signed = [.. Encoding.ASCII.GetBytes(parts["t"] + "."), .. body];
        byte[] expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed);
        return CryptographicOperations.FixedTimeEquals(expected, Convert.FromHexString(parts["v1"]))
            && Math.Abs(TimeProvider.System.GetUtcNow().ToUnixTimeSeconds() - long.Parse(parts["t"], System.Globalization.CultureInfo.InvariantCulture)) < 300;
    }

    private static async Task<WebhookResponse> CreateAsync(HttpClient client, string url, string[] events)
    {
        HttpResponseMessage response = await client.PostAsJsonAsync("/v1/webhooks", new CreateWebhookRequest(url, events), Cancellation);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync(PenchantJsonContext.Default.WebhookResponse, Cancellation))!;
    }

    private static async Task<WriteResponse> RememberAsync(HttpClient client, string user, string text)
    {
        HttpResponseMessage response = await client.PostAsJsonAsync($"/v1/users/{user}/statements", new RememberRequest(text), Cancellation);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync(PenchantJsonContext.Default.WriteResponse, Cancellation))!;
    }

    private static async Task<IReadOnlyList<WebhookDeliveryContract>> WaitForDeliveredAsync(HttpClient client, string hookId, int count)
    {
        IReadOnlyList<WebhookDeliveryContract> deliveries = [];
        for (int i = 0; i < 300; i++)
        {
            deliveries = (await client.GetFromJsonAsync($"/v1/webhooks/{hookId}/deliveries", PenchantJsonContext.Default.IReadOnlyListWebhookDeliveryContract, Cancellation))!;
            if (deliveries.Count >= count && deliveries.All(static d => d.Status == "delivered"))
            {
                break;
            }

            await Task.Delay(100, Cancellation);
        }

        return deliveries;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A webhook receiver on loopback (HttpListener): records every request, and answers 500 to every other one when asked.</summary>
    internal sealed class Receiver : IAsyncDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly bool _failEveryOther;
        private readonly ConcurrentDictionary<(string, string), bool> _delivered = new();
        private readonly Task _loop;
        private int _count;
        private int _failed;

        private Receiver(int port, bool failEveryOther)
        {
            Url = $"http://127.0.0.1:{port}/hook/";
            _failEveryOther = failEveryOther;
            _listener.Prefixes.Add(Url);
            _listener.Start();
            _loop = Task.Run(LoopAsync);
        }

        public string Url { get; }

        public ConcurrentQueue<(string? Signature, byte[] Body)> Requests { get; } = new();

        public int Failed => _failed;

        public static Task<Receiver> StartAsync(bool failEveryOther) => Task.FromResult(new Receiver(FreePort(), failEveryOther));

        public async Task<HashSet<(string, string)>> WaitForAsync(int count, TimeSpan timeout)
        {
            DateTimeOffset until = TimeProvider.System.GetUtcNow() + timeout;
            while (_delivered.Count < count && TimeProvider.System.GetUtcNow() < until)
            {
                await Task.Delay(100, Cancellation);
            }

            return [.. _delivered.Keys];
        }

        public async ValueTask DisposeAsync()
        {
            _listener.Stop();
            try
            {
#pragma warning disable VSTHRD003 // The loop was started by this receiver; stopping the listener ends it.
                await _loop;
#pragma warning restore VSTHRD003
            }
            catch (HttpListenerException)
            {
            }
            catch (ObjectDisposedException)
            {
            }

            _listener.Close();
        }

        private async Task LoopAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }

                using var body = new MemoryStream();
                await context.Request.InputStream.CopyToAsync(body);
                byte[] bytes = body.ToArray();
                Requests.Enqueue((context.Request.Headers["Penchant-Signature"], bytes));
                bool fail = _failEveryOther && Interlocked.Increment(ref _count) % 2 == 1;
                if (fail)
                {
                    Interlocked.Increment(ref _failed);
                    context.Response.StatusCode = 500;
                }
                else
                {
                    using JsonDocument payload = JsonDocument.Parse(bytes);
                    string type = payload.RootElement.GetProperty("type").GetString()!;
                    JsonElement data = payload.RootElement.GetProperty("data");
                    string about = type == "user.forgotten" ? "user:" + data.GetProperty("userId").GetString() : data.GetProperty("preferenceId").GetString()!;
                    _delivered[(type, about)] = true;
                    context.Response.StatusCode = 200;
                }

                context.Response.Close();
            }
        }
    }
}

/// <summary>The service with webhook retries in milliseconds, so tests see several attempts quickly.</summary>
public sealed class FastWebhookServerFactory : PenchantServerFactory
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        new("Penchant:Webhooks:BaseDelay", "00:00:00.050"),
        new("Penchant:Webhooks:MaxDelay", "00:00:00.400"),
        new("Penchant:Webhooks:PollInterval", "00:00:00.050"),
        new("Penchant:Webhooks:AttemptTimeout", "00:00:05"),
    ];
}
