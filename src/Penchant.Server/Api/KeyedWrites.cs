using Microsoft.AspNetCore.Http.HttpResults;
using Penchant.Domain;
using Penchant.Engine;
using Penchant.Server.Contracts;
using Penchant.Server.Writes;
using Penchant.Signals;

namespace Penchant.Server.Api;

/// <summary>
/// The one place a write that may carry an <c>Idempotency-Key</c> goes through: the key is checked here (a malformed one
/// is the service's own 400) and handed to the engine, which keeps it (<see cref="IPenchant.RecordAsync"/>); a replay is
/// marked with <c>Idempotent-Replayed: true</c>.
/// </summary>
internal static class KeyedWrites
{
    /// <summary>The request header that carries the key.</summary>
    public const string Header = "Idempotency-Key";

    /// <summary>The response header set on a replayed write.</summary>
    public const string ReplayedHeader = "Idempotent-Replayed";

    /// <summary>Records signals, at most once per key when a key is given.</summary>
    /// <param name="context">The request.</param>
    /// <param name="engine">The engine.</param>
    /// <param name="user">The user.</param>
    /// <param name="signals">The signals.</param>
    /// <param name="idempotencyKey">The key, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>What changed (for a replay, the first write's events).</returns>
    /// <exception cref="IdempotencyKeyException">The key is malformed.</exception>
    /// <exception cref="IdempotencyKeyReusedException">The key was used for a different request.</exception>
    public static async Task<Ok<WriteResponse>> RecordAsync(
        HttpContext context, IPenchant engine, UserKey user, IReadOnlyList<Signal> signals, string? idempotencyKey, CancellationToken cancellationToken)
        => TypedResults.Ok((await WriteAsync(context, engine, user, signals, idempotencyKey, cancellationToken)).ToContract());

    /// <summary>Records signals, at most once per key when a key is given, for an endpoint that answers with more than the write.</summary>
    /// <param name="context">The request.</param>
    /// <param name="engine">The engine.</param>
    /// <param name="user">The user.</param>
    /// <param name="signals">The signals.</param>
    /// <param name="idempotencyKey">The key, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>What changed (for a replay, the first write's events and signals).</returns>
    /// <exception cref="IdempotencyKeyException">The key is malformed.</exception>
    /// <exception cref="IdempotencyKeyReusedException">The key was used for a different request.</exception>
    public static async Task<WriteResult> WriteAsync(
        HttpContext context, IPenchant engine, UserKey user, IReadOnlyList<Signal> signals, string? idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(engine);
        if (idempotencyKey is not null)
        {
            try
            {
                IdempotencyKeys.Validate(idempotencyKey);
            }
            catch (ArgumentException ex)
            {
                throw new IdempotencyKeyException(ex.Message.Replace("An idempotency key", $"An {Header}", StringComparison.Ordinal).Split(" (Parameter", 2)[0], ex);
            }
        }

        WriteResult result = await engine.RecordAsync(user, signals, idempotencyKey, cancellationToken);
        if (result.Replayed)
        {
            context.Response.Headers[ReplayedHeader] = "true";
        }

        return result;
    }
}
