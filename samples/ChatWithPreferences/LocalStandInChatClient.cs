using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Extensions.AI;

namespace ChatWithPreferences;

/// <summary>
/// An offline stand-in for a language model, so the sample runs with no endpoint: it does not answer questions, it shows
/// what a real model would receive — the request and the preference block Penchant injected.
/// </summary>
internal sealed class LocalStandInChatClient : IChatClient
{
    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, Describe([.. messages]))));

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (string line in Describe([.. messages]).Split('\n'))
        {
            await Task.Delay(15, cancellationToken);
            yield return new ChatResponseUpdate(ChatRole.Assistant, line + "\n");
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }

    private static string Describe(IReadOnlyList<ChatMessage> messages)
    {
        ChatMessage? request = messages.LastOrDefault(static m => m.Role == ChatRole.User);
        ChatMessage? block = messages.FirstOrDefault(static m => m.Role == ChatRole.System && m.Text.StartsWith("<user_preferences>", StringComparison.Ordinal));
        var text = new StringBuilder("[local stand-in model] ");
        text.Append("I would now answer \"").Append(request?.Text ?? string.Empty).Append('"');
        if (block is null)
        {
            text.Append(" — no stored preference applies to it.");
        }
        else
        {
            text.Append(", following these preferences Penchant gave me:\n").Append(block.Text);
        }

        return text.ToString();
    }
}
