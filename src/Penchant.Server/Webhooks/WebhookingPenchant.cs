using Penchant.Domain;
using Penchant.Signals;

namespace Penchant.Server.Webhooks;

/// <summary>
/// The engine the service answers with: writes go to the inner engine, which commits each write's webhook deliveries in
/// the write's own transaction (<see cref="WebhookPublisher"/> is its <see cref="Penchant.Webhooks.IWebhookOutbox"/>);
/// once a write is durable this wakes the delivery service, so delivery starts at once, in the background, and a receiver
/// never slows or fails a write.
/// </summary>
/// <remarks>
/// A write that fails enqueues nothing, and a write that succeeds has its deliveries in the outbox: there is no moment
/// between the two commits in which a crash or a lost database could drop an event.
/// </remarks>
internal sealed class WebhookingPenchant(IPenchant inner, WebhookPublisher publisher) : DelegatingPenchant(inner)
{
    public override async Task<WriteResult> RecordAsync(UserKey user, IReadOnlyList<Signal> signals, string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        WriteResult result = await base.RecordAsync(user, signals, idempotencyKey, cancellationToken).ConfigureAwait(false);
        Wake(user);
        return result;
    }

    public override async Task<WriteResult> ImportAsync(UserKey user, IReadOnlyList<PreferenceEvent> events, CancellationToken cancellationToken = default)
    {
        WriteResult result = await base.ImportAsync(user, events, cancellationToken).ConfigureAwait(false);
        Wake(user);
        return result;
    }

    public override async Task ForgetAsync(UserKey user, string preferenceId, CancellationToken cancellationToken = default)
    {
        await base.ForgetAsync(user, preferenceId, cancellationToken).ConfigureAwait(false);
        Wake(user);
    }

    public override async Task<int> RemoveExpiredAsync(CancellationToken cancellationToken = default)
    {
        int removed = await base.RemoveExpiredAsync(cancellationToken).ConfigureAwait(false);
        if (removed > 0)
        {
            publisher.Wake();
        }

        return removed;
    }

    public override async Task<bool> ForgetUserAsync(UserKey user, CancellationToken cancellationToken = default)
    {
        bool existed = await base.ForgetUserAsync(user, cancellationToken).ConfigureAwait(false);
        Wake(user);
        return existed;
    }

    private void Wake(UserKey user)
    {
        if (publisher.HasHooks(user.TenantId))
        {
            publisher.Wake();
        }
    }
}
