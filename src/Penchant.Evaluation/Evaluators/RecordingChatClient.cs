using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Penchant.Evaluation.Evaluators;

/// <summary>A stand-in model for evaluations: records the messages each request sent and answers with a fixed text.</summary>
internal sealed class RecordingChatClient : IChatClient
{
    public const string Answer = "Here is my answer.";

    /// <summary>Gets the messages of each request as the model received them, by the request's <see cref="ChatOptions.ConversationId"/>.</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<ChatMessage>> Requests { get; } = new(StringComparer.Ordinal);

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        Requests[options?.ConversationId ?? string.Empty] = [.. messages];
        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, Answer)));
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Requests[options?.ConversationId ?? string.Empty] = [.. messages];
        await Task.Yield();
        yield return new ChatResponseUpdate(ChatRole.Assistant, Answer);
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }
}
