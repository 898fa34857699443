using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Penchant.AI;

/// <summary>A faithful fake model: records every request's messages and options, answers through a callback, streams its answer word by word.</summary>
public sealed class TestChatClient : IChatClient
{
    public ConcurrentQueue<(IReadOnlyList<ChatMessage> Messages, ChatOptions? Options)> Requests { get; } = new();

    public Func<IReadOnlyList<ChatMessage>, ChatOptions?, string> Respond { get; set; } = static (_, _) => "Here you go.";

    public Func<IReadOnlyList<ChatMessage>, Exception?> Fail { get; set; } = static _ => null;

    public (IReadOnlyList<ChatMessage> Messages, ChatOptions? Options) Last => Requests.Last();

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<ChatMessage> list = [.. messages];
        Requests.Enqueue((list, options));
        if (Fail(list) is { } exception)
        {
            throw exception;
        }

        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, Respond(list, options))));
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        IReadOnlyList<ChatMessage> list = [.. messages];
        Requests.Enqueue((list, options));
        string answer = Respond(list, options);
        foreach (string word in answer.Split(' '))
        {
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            yield return new ChatResponseUpdate(ChatRole.Assistant, word + " ");
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }
}
