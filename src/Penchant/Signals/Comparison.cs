namespace Penchant.Signals;

/// <summary>The user compared two responses (or items) in a context and preferred one, or judged them equal.</summary>
/// <param name="Context">What was asked or shown (the request).</param>
/// <param name="Preferred">The response the user preferred (for a tie, either one).</param>
/// <param name="Rejected">The other response.</param>
/// <param name="Magnitude">How much better the preferred one was.</param>
/// <param name="At">When; the engine's clock when <see langword="null"/>.</param>
public sealed record Comparison(
    string Context,
    string Preferred,
    string Rejected,
    ComparisonMagnitude Magnitude = ComparisonMagnitude.Clearly,
    DateTimeOffset? At = null) : Signal;
