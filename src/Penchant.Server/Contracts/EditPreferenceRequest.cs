namespace Penchant.Server.Contracts;

/// <summary>A correction of one preference (<c>PATCH /v1/users/{userId}/preferences/{preferenceId}</c>); at least one field.</summary>
/// <param name="Text">The new text; kept when absent.</param>
/// <param name="Scope">The new scope; an empty string makes the preference apply everywhere; kept when absent.</param>
/// <param name="Strength">The new strength, 0 to 1; kept when absent.</param>
/// <param name="At">When it was edited; the server's clock when absent.</param>
public sealed record EditPreferenceRequest(string? Text = null, string? Scope = null, double? Strength = null, DateTimeOffset? At = null);
