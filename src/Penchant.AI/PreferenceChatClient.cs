using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Penchant.AI;

/// <summary>
/// Chat middleware that gives the model each user's preferences: on every request it learns from the user's reaction to the
/// previous answer, observes the new messages for the preferences they state, selects the preferences that apply to this
/// request and adds them as one clearly delimited system message. Nothing is added when nothing applies.
/// </summary>
/// <remarks>
/// <para>
/// The caller's messages and <see cref="ChatOptions"/> are never modified: the model receives a copy of the message list with
/// the block inserted; options pass through as given. The answer's assistant message carries the identifiers of the
/// preferences applied to it under <see cref="PreferenceMiddlewareOptions.AppliedPropertyName"/>, so the next request can
/// learn from the user's reaction; streamed answers are remembered in process.
/// </para>
/// <para>
/// Thread-safe. Which messages were already observed is remembered in process (bounded); after a restart earlier messages
/// of an ongoing conversation are observed again, which reinforces rather than duplicates preferences. Messages, the injected
/// block and reaction reasons are user content: they reach telemetry and Trace logs only when
/// <see cref="PreferenceMiddlewareOptions.EnableSensitiveData"/> is <see langword="true"/>.
/// </para>
/// </remarks>
public sealed class PreferenceChatClient : DelegatingChatClient
{
    private readonly PreferencePipeline _pipeline;

    /// <summary>Initializes a new instance of the <see cref="PreferenceChatClient"/> class.</summary>
    /// <param name="innerClient">The client requests are sent to.</param>
    /// <param name="engine">The preference engine.</param>
    /// <param name="logger">The logger; none when <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="innerClient"/> or <paramref name="engine"/> is <see langword="null"/>.</exception>
    public PreferenceChatClient(IChatClient innerClient, IPenchant engine, ILogger<PreferenceChatClient>? logger = null)
        : base(innerClient)
    {
        ArgumentNullException.ThrowIfNull(engine);
        Options = new PreferenceMiddlewareOptions();
        _pipeline = new PreferencePipeline(engine, Options, logger ?? (ILogger)NullLogger.Instance);
    }

    /// <summary>Gets the settings: how users are identified, where and how the block is placed, what is learned.</summary>
    public PreferenceMiddlewareOptions Options { get; }

    /// <inheritdoc/>
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        IReadOnlyList<ChatMessage> list = messages as IReadOnlyList<ChatMessage> ?? [.. messages];
        PreparedRequest prepared = await _pipeline.PrepareAsync(list, options, cancellationToken);
        IReadOnlyList<ChatMessage> sent = prepared.Block is { } block ? _pipeline.Inject(list, block) : list;
        ChatResponse response = await base.GetResponseAsync(sent, options, cancellationToken);
        _pipeline.Completed(prepared, response.Messages);
        return response;
    }

    /// <inheritdoc/>
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        IReadOnlyList<ChatMessage> list = messages as IReadOnlyList<ChatMessage> ?? [.. messages];
        PreparedRequest prepared = await _pipeline.PrepareAsync(list, options, cancellationToken);
        IReadOnlyList<ChatMessage> sent = prepared.Block is { } block ? _pipeline.Inject(list, block) : list;
        var answer = new StringBuilder();
        await foreach (ChatResponseUpdate update in base.GetStreamingResponseAsync(sent, options, cancellationToken))
        {
            if (update.Role is null || update.Role == ChatRole.Assistant)
            {
                answer.Append(update.Text);
            }

            yield return update;
        }

        _pipeline.CompletedStreaming(prepared, answer.ToString());
    }
}
