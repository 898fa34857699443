namespace Penchant.Server.Contracts;

/// <summary>A narrowing of one preference's scope (<c>POST /v1/users/{userId}/preferences/{preferenceId}/narrow</c>).</summary>
/// <param name="NotFor">The situation the preference must not apply to ("my friends", "not for emails to my friends").</param>
/// <param name="At">When it was said; the server's clock when absent.</param>
public sealed record NarrowScopeRequest(string NotFor, DateTimeOffset? At = null);
