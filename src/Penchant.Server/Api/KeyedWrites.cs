using Microsoft.AspNetCore.Http.HttpResults;
using Penchant.Domain;
using Penchant.Server.Contracts;
using Penchant.Server.Writes;
using Penchant.Signals;

namespace Penchant.Server.Api;

/// <summary>
/// The one place a write that may carry an <c>Idempotency-Key</c> goes through: without a key it goes straight to the
/// engine, with one through <see cref="IdempotentWriter"/>, and a replay is marked with <c>Idempotent-Replayed: true</c>.
/// </summary>
/// <remarks>
/// When idempotency moves into the engine, this file is the only one to change (and <c>Writes/IdempotentWriter.cs</c>
/// to delete): handlers and the OpenAPI document name the header through <see cref="Header"/>, the service registers
/// the writer through <see cref="AddKeyedWrites"/>, and nothing else sees the writer.
/// </remarks>
internal static class KeyedWrites
{
    /// <summary>The request header that carries the key.</summary>
    public const string Header = IdempotentWriter.Header;

    /// <summary>Registers what keyed writes need (the service's <see cref="IdempotentWriter"/>).</summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same collection.</returns>
    public static IServiceCollection AddKeyedWrites(this IServiceCollection services) => services.AddSingleton<IdempotentWriter>();

    /// <summary>Remembers a statement, at most once per key when a key is given.</summary>
    /// <param name="context">The request.</param>
    /// <param name="engine">The engine.</param>
    /// <param name="user">The user.</param>
    /// <param name="statement">The statement.</param>
    /// <param name="idempotencyKey">The key, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>What changed (for a replay, the first write's events).</returns>
    /// <exception cref="IdempotencyKeyException">The key is malformed, or was used for a different request.</exception>
    public static async Task<Ok<WriteResponse>> RememberAsync(
        HttpContext context, IPenchant engine, UserKey user, Statement statement, string? idempotencyKey, CancellationToken cancellationToken)
    {
        if (idempotencyKey is null)
        {
            return TypedResults.Ok((await engine.RememberAsync(user, statement, cancellationToken)).ToContract());
        }

        IdempotentWriter.Validate(idempotencyKey);
        (WriteResult result, bool replayed) = await Writer(context).RememberAsync(user, idempotencyKey, statement, cancellationToken);
        return Written(context, result, replayed);
    }

    /// <summary>Observes conversation turns, at most once per key when a key is given.</summary>
    /// <param name="context">The request.</param>
    /// <param name="engine">The engine.</param>
    /// <param name="user">The user.</param>
    /// <param name="turns">The turns.</param>
    /// <param name="idempotencyKey">The key, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>What changed (for a replay, the first write's events).</returns>
    /// <exception cref="IdempotencyKeyException">The key is malformed, or was used for a different request.</exception>
    public static async Task<Ok<WriteResponse>> ObserveAsync(
        HttpContext context, IPenchant engine, UserKey user, IReadOnlyList<ConversationTurn> turns, string? idempotencyKey, CancellationToken cancellationToken)
    {
        if (idempotencyKey is null)
        {
            return TypedResults.Ok((await engine.ObserveAsync(user, turns, cancellationToken)).ToContract());
        }

        IdempotentWriter.Validate(idempotencyKey);
        (WriteResult result, bool replayed) = await Writer(context).ObserveAsync(user, idempotencyKey, turns, cancellationToken);
        return Written(context, result, replayed);
    }

    private static IdempotentWriter Writer(HttpContext context) => context.RequestServices.GetRequiredService<IdempotentWriter>();

    private static Ok<WriteResponse> Written(HttpContext context, WriteResult result, bool replayed)
    {
        if (replayed)
        {
            context.Response.Headers[IdempotentWriter.ReplayedHeader] = "true";
        }

        return TypedResults.Ok(result.ToContract());
    }
}
