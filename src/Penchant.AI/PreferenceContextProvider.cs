using System.Runtime.CompilerServices;
using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Penchant.AI;

/// <summary>
/// The behaviour of <see cref="PreferenceChatClient"/> for Microsoft Agent Framework agents: before each invocation it learns
/// from the reaction to the previous answer, observes the new messages and adds the preferences that apply as instructions;
/// after it, it remembers which preferences the answer was given with. It shares its implementation with the chat client.
/// </summary>
/// <remarks>
/// Thread-safe. Users are identified by <see cref="PreferenceMiddlewareOptions.UserResolver"/> over the invocation's messages
/// (agents pass no <see cref="ChatOptions"/>, so the default resolver reads the last user message's
/// <see cref="ChatMessage.AuthorName"/>); set a resolver that knows your session's user otherwise.
/// </remarks>
public sealed class PreferenceContextProvider : AIContextProvider
{
    private readonly PreferencePipeline _pipeline;
    private readonly ConditionalWeakTable<AgentSession, PreparedRequest> _pending = [];

    /// <summary>Initializes a new instance of the <see cref="PreferenceContextProvider"/> class.</summary>
    /// <param name="engine">The preference engine.</param>
    /// <param name="logger">The logger; none when <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="engine"/> is <see langword="null"/>.</exception>
    public PreferenceContextProvider(IPenchant engine, ILogger<PreferenceContextProvider>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        Options = new PreferenceMiddlewareOptions();
        _pipeline = new PreferencePipeline(engine, Options, logger ?? (ILogger)NullLogger.Instance);
    }

    /// <summary>Gets the settings, shared in meaning with <see cref="PreferenceChatClient.Options"/> (placement does not apply: the block becomes instructions).</summary>
    public PreferenceMiddlewareOptions Options { get; }

    /// <inheritdoc/>
    protected override async ValueTask<AIContext> ProvideAIContextAsync(InvokingContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        IReadOnlyList<ChatMessage> messages = [.. context.AIContext.Messages ?? []];
        PreparedRequest prepared = await _pipeline.PrepareAsync(messages, null, cancellationToken);
        if (context.Session is { } session)
        {
            _pending.AddOrUpdate(session, prepared);
        }

        return new AIContext { Instructions = prepared.Block };
    }

    /// <inheritdoc/>
    protected override ValueTask StoreAIContextAsync(InvokedContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Session is { } session && _pending.TryGetValue(session, out PreparedRequest? prepared) && context.ResponseMessages is { } responses)
        {
            _pending.Remove(session);
            _pipeline.Completed(prepared, [.. responses]);
        }

        return ValueTask.CompletedTask;
    }
}
