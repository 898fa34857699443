namespace Penchant.Server.Contracts;

/// <summary>A statement to remember (<c>POST /v1/users/{userId}/statements</c>).</summary>
/// <param name="Text">What the user said.</param>
/// <param name="At">When it was said; the server's clock when absent.</param>
/// <param name="Scope">Where it applies, when the application knows better than the text.</param>
public sealed record RememberRequest(string? Text, DateTimeOffset? At = null, string? Scope = null);

/// <summary>One message of a conversation.</summary>
/// <param name="Role"><c>user</c>, <c>assistant</c> or <c>system</c>.</param>
/// <param name="Content">What was said.</param>
/// <param name="At">When it was said, if known.</param>
public sealed record TurnContract(string? Role, string? Content, DateTimeOffset? At = null);

/// <summary>Conversation turns to observe (<c>POST /v1/users/{userId}/observations</c>).</summary>
/// <param name="Turns">The turns, oldest first.</param>
public sealed record ObserveRequest(IReadOnlyList<TurnContract>? Turns);

/// <summary>A request to select preferences for (<c>POST /v1/users/{userId}/select</c>).</summary>
/// <param name="Text">The request.</param>
/// <param name="Attributes">Structured attributes such as <c>domain</c>, <c>channel</c>, <c>recipient</c>.</param>
/// <param name="Conversation">The recent conversation before the request, oldest first.</param>
public sealed record SelectRequest(
    string? Text,
    IReadOnlyDictionary<string, string>? Attributes = null,
    IReadOnlyList<TurnContract>? Conversation = null);
