using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Penchant.Domain;
using Penchant.Webhooks;

namespace Penchant.Server.Webhooks;

/// <summary>
/// Turns what a write is about to change into outbox rows, one per subscribed webhook and event, which the engine commits
/// with the write (<see cref="IWebhookOutbox"/>), and wakes the delivery service once the write is durable. The rows carry
/// identifiers only (user, preference, events), never preference text, so forgetting leaves nothing behind in them.
/// </summary>
/// <remarks>
/// Thread-safe. A delivery's identifier is derived from the webhook, the event type and what it is about, so a commit
/// retried after a conflict is one delivery. The tenant's webhooks are cached for a few seconds per instance; this
/// instance's own registrations take effect at once.
/// </remarks>
internal sealed class WebhookPublisher(IWebhookStore store, TimeProvider time) : IWebhookOutbox
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(5);
    private readonly ConcurrentDictionary<string, (DateTimeOffset Until, IReadOnlyList<Webhook> Hooks)> _cache = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _wake = new(0, 1);

    /// <summary>Waits until something was enqueued or the timeout passes.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _wake.WaitAsync(timeout, cancellationToken);

    /// <summary>Forgets the cached webhooks of a tenant (after a registration or deletion in this instance).</summary>
    public void Invalidate(string tenantId) => _cache.TryRemove(tenantId, out _);

    /// <summary>Wakes the delivery service (after a write that may have enqueued deliveries is durable).</summary>
    public void Wake()
    {
        if (_wake.CurrentCount == 0)
        {
            try
            {
                _wake.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already awake.
            }
        }
    }

    /// <summary>Gets whether a tenant has webhooks (from the cache), so a write that enqueued nothing wakes nobody.</summary>
    public bool HasHooks(string tenantId) => _cache.TryGetValue(tenantId, out (DateTimeOffset Until, IReadOnlyList<Webhook> Hooks) cached) && cached.Hooks.Count > 0;

    /// <inheritdoc/>
    public async Task<IReadOnlyList<WebhookDelivery>> PlanAsync(UserKey user, WebhookNotice notice, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var events = new List<(string Type, string About, Action<Utf8JsonWriter> Data)>();
        foreach (Preference p in notice.Created)
        {
            events.Add((WebhookEvents.PreferenceCreated, p.Id, w => WritePreference(w, p, notice.EventIds)));
        }

        foreach (Preference p in notice.Superseded)
        {
            events.Add((WebhookEvents.PreferenceSuperseded, p.Id, w => WritePreference(w, p, notice.EventIds)));
        }

        foreach (string id in notice.Forgotten)
        {
            events.Add((WebhookEvents.PreferenceForgotten, id, w => w.WriteString("preferenceId", id)));
        }

        if (notice.UserForgotten)
        {
            events.Add((WebhookEvents.UserForgotten, "user:" + Guid.NewGuid().ToString("N"), static _ => { }));
        }

        return events.Count == 0 ? [] : await DeliveriesAsync(user, events, cancellationToken).ConfigureAwait(false);
    }

    private static void WritePreference(Utf8JsonWriter writer, Preference preference, IReadOnlyList<string> eventIds)
    {
        writer.WriteString("preferenceId", preference.Id);
        if (preference.SupersededBy is { } by)
        {
            writer.WriteString("supersededBy", by);
        }

        writer.WriteStartArray("eventIds");
        foreach (string id in eventIds)
        {
            writer.WriteStringValue(id);
        }

        writer.WriteEndArray();
    }

    private async Task<IReadOnlyList<WebhookDelivery>> DeliveriesAsync(UserKey user, List<(string Type, string About, Action<Utf8JsonWriter> Data)> events, CancellationToken cancellationToken)
    {
        IReadOnlyList<Webhook> hooks = await HooksAsync(user.TenantId, cancellationToken).ConfigureAwait(false);
        if (hooks.Count == 0)
        {
            return [];
        }

        DateTimeOffset now = time.GetUtcNow();
        var deliveries = new List<WebhookDelivery>();
        foreach (Webhook hook in hooks)
        {
            foreach ((string type, string about, Action<Utf8JsonWriter> data) in events)
            {
                if (!hook.Events.Contains(type, StringComparer.Ordinal))
                {
                    continue;
                }

                string id = DeliveryId(hook.Id, type, user, about);
                deliveries.Add(new WebhookDelivery(id, user.TenantId, hook.Id, type, Payload(id, type, user, now, data), now) { NextAttemptAt = now });
            }
        }

        return deliveries;
    }

    private async Task<IReadOnlyList<Webhook>> HooksAsync(string tenantId, CancellationToken cancellationToken)
    {
        DateTimeOffset now = time.GetUtcNow();
        if (_cache.TryGetValue(tenantId, out (DateTimeOffset Until, IReadOnlyList<Webhook> Hooks) cached) && cached.Until > now)
        {
            return cached.Hooks;
        }

        IReadOnlyList<Webhook> hooks = await store.ListAsync(tenantId, cancellationToken).ConfigureAwait(false);
        _cache[tenantId] = (now + CacheFor, hooks);
        return hooks;
    }

    private static string DeliveryId(string hookId, string type, UserKey user, string about)
    {
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{hookId}\n{type}\n{user.UserId}\n{about}"));
        return "whd_" + Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }

    private static string Payload(string id, string type, UserKey user, DateTimeOffset at, Action<Utf8JsonWriter> data)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("id", id);
            writer.WriteString("type", type);
            writer.WriteString("createdAt", at);
            writer.WriteStartObject("data");
            writer.WriteString("userId", user.UserId);
            data(writer);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
