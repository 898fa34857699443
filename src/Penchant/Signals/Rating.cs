namespace Penchant.Signals;

/// <summary>The user rated one response on a declared scale, optionally for one attribute (helpfulness, verbosity, …).</summary>
/// <param name="Context">What was asked.</param>
/// <param name="Response">The rated response.</param>
/// <param name="Score">The score, between <paramref name="Minimum"/> and <paramref name="Maximum"/>.</param>
/// <param name="Minimum">The lowest score of the scale.</param>
/// <param name="Maximum">The highest score of the scale.</param>
/// <param name="Attribute">What was rated, or <see langword="null"/> for overall quality.</param>
/// <param name="At">When; the engine's clock when <see langword="null"/>.</param>
public sealed record Rating(
    string Context,
    string Response,
    double Score,
    double Minimum = 1,
    double Maximum = 5,
    string? Attribute = null,
    DateTimeOffset? At = null) : Signal;
