using Penchant.Domain;
using Penchant.Signals;

namespace Penchant.Server.Webhooks;

/// <summary>
/// The engine the service answers with: every write goes to the inner engine first and, once it is durable, what it
/// changed is put in the webhook outbox (<see cref="WebhookPublisher"/>); delivery happens later, in the background, so a
/// receiver never slows or fails a write.
/// </summary>
/// <remarks>
/// If the outbox cannot be written after the write committed (the database went away between the two), the request fails
/// with 503 and a retry with the same idempotency key enqueues the events again (a replay publishes what the first write
/// changed, and delivery identifiers make that one delivery).
/// </remarks>
internal sealed class WebhookingPenchant(IPenchant inner, WebhookPublisher publisher) : DelegatingPenchant(inner)
{
    public override async Task<WriteResult> RecordAsync(UserKey user, IReadOnlyList<Signal> signals, string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        WriteResult result = await base.RecordAsync(user, signals, idempotencyKey, cancellationToken).ConfigureAwait(false);
        await publisher.PublishWriteAsync(user, result, CancellationToken.None).ConfigureAwait(false);
        return result;
    }

    public override async Task<WriteResult> ImportAsync(UserKey user, IReadOnlyList<PreferenceEvent> events, CancellationToken cancellationToken = default)
    {
        WriteResult result = await base.ImportAsync(user, events, cancellationToken).ConfigureAwait(false);
        await publisher.PublishWriteAsync(user, result, CancellationToken.None).ConfigureAwait(false);
        return result;
    }

    public override async Task ForgetAsync(UserKey user, string preferenceId, CancellationToken cancellationToken = default)
    {
        await base.ForgetAsync(user, preferenceId, cancellationToken).ConfigureAwait(false);
        await publisher.PublishForgottenAsync(user, preferenceId, CancellationToken.None).ConfigureAwait(false);
    }

    public override async Task<bool> ForgetUserAsync(UserKey user, CancellationToken cancellationToken = default)
    {
        bool existed = await base.ForgetUserAsync(user, cancellationToken).ConfigureAwait(false);
        if (existed)
        {
            await publisher.PublishUserForgottenAsync(user, CancellationToken.None).ConfigureAwait(false);
        }

        return existed;
    }
}
