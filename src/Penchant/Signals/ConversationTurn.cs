namespace Penchant.Signals;

/// <summary>One message of a conversation.</summary>
/// <param name="Role">Who spoke: <c>user</c>, <c>assistant</c> or <c>system</c>.</param>
/// <param name="Content">What was said.</param>
/// <param name="At">When it was said, if known.</param>
public sealed record ConversationTurn(string Role, string Content, DateTimeOffset? At = null) : Signal
{
    /// <summary>The role of the person the preferences belong to.</summary>
    public const string UserRole = "user";

    /// <summary>The role of the assistant.</summary>
    public const string AssistantRole = "assistant";

    /// <summary>Gets a value indicating whether the user said this.</summary>
    public bool IsUser => string.Equals(Role, UserRole, StringComparison.OrdinalIgnoreCase);
}
