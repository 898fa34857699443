using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;
using Penchant.Webhooks;

namespace Penchant.Server.Webhooks;

/// <summary>
/// Drains the webhook outbox: claims due deliveries, posts each signed (<see cref="WebhookSignature"/>), records every
/// attempt with its status, and schedules a failed one again after an exponentially growing delay with jitter, until it
/// succeeds or <see cref="WebhookOptions.MaxAttempts"/> is spent.
/// </summary>
/// <remarks>
/// At-least-once: a delivery is marked delivered only after the receiver answered 2xx, and one claimed by an instance that
/// stopped before recording an attempt becomes due again when its lease ends. Receivers de-duplicate by the
/// <c>Penchant-Delivery</c> header.
/// </remarks>
internal sealed partial class WebhookDeliveryService(
    IWebhookStore store,
    WebhookPublisher publisher,
    IHttpClientFactory clients,
    IOptions<WebhookOptions> options,
    TimeProvider time,
    ILogger<WebhookDeliveryService> logger) : BackgroundService
{
    /// <summary>The name of the HTTP client deliveries are posted with.</summary>
    public const string ClientName = "penchant-webhooks";

    private readonly WebhookOptions _options = options.Value;

    /// <summary>Computes the delay before the attempt after attempt <paramref name="attempts"/>: base × 2^(attempts − 1), capped, times a random factor in [0.5, 1).</summary>
    internal static TimeSpan Backoff(WebhookOptions options, int attempts, double random)
    {
        double exponential = options.BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempts - 1, 30));
        double capped = Math.Min(exponential, options.MaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (0.5 + (random / 2)));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Deliver)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            int sent = 0;
            try
            {
                await store.InitializeAsync(stoppingToken);
                DateTimeOffset now = time.GetUtcNow();
                TimeSpan lease = (_options.AttemptTimeout * 2) + TimeSpan.FromSeconds(5);
                IReadOnlyList<WebhookDelivery> due = await store.ClaimDueAsync(now, now + lease, _options.BatchSize, stoppingToken);
                sent = due.Count;
                await Task.WhenAll(due.Select(d => DeliverAsync(d, stoppingToken)));
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database is away: try again after the poll interval. Nothing is lost; the rows stay in the outbox.
                LogDrainFailed(logger, ex);
            }

            if (sent == 0)
            {
                try
                {
                    await publisher.WaitAsync(_options.PollInterval, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task DeliverAsync(WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        Webhook? hook = await store.GetAsync(delivery.TenantId, delivery.WebhookId, cancellationToken);
        if (hook is null)
        {
            return; // Deleted with its deliveries while this one was claimed.
        }

        int number = delivery.Attempts + 1;
        DateTimeOffset at = time.GetUtcNow();
        byte[] body = Encoding.UTF8.GetBytes(delivery.Payload);
        long started = Stopwatch.GetTimestamp();
        int? status = null;
        string? error = null;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, hook.Url) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(hook.Secret, at, body));
            request.Headers.Add(WebhookSignature.EventHeader, delivery.EventType);
            request.Headers.Add(WebhookSignature.DeliveryHeader, delivery.Id);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.AttemptTimeout);
            using HttpResponseMessage response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            status = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode)
            {
                error = $"The receiver answered {status}.";
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            error = $"No answer within {_options.AttemptTimeout.TotalSeconds:0.#} s.";
        }
        catch (HttpRequestException ex)
        {
            error = ex.HttpRequestError == HttpRequestError.Unknown ? "The request failed." : $"The request failed: {ex.HttpRequestError}.";
        }

        var attempt = new WebhookAttempt(number, at, status, error, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        WebhookDeliveryStatus next = attempt.Succeeded ? WebhookDeliveryStatus.Delivered
            : number >= _options.MaxAttempts ? WebhookDeliveryStatus.Failed
            : WebhookDeliveryStatus.Pending;
        DateTimeOffset nextAt = next == WebhookDeliveryStatus.Pending ? time.GetUtcNow() + Backoff(_options, number, Random.Shared.NextDouble()) : at;
        await store.RecordAttemptAsync(delivery, attempt, next, nextAt, CancellationToken.None);
        if (next == WebhookDeliveryStatus.Failed)
        {
            LogGaveUp(logger, delivery.Id, number);
        }
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Draining the webhook outbox failed; retrying after the poll interval.")]
    private static partial void LogDrainFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Webhook delivery {DeliveryId} failed {Attempts} times; no more attempts.")]
    private static partial void LogGaveUp(ILogger logger, string deliveryId, int attempts);
}
