namespace Penchant.Deciding;

/// <summary>One action a decision may choose: an article, a reply style, a product.</summary>
/// <param name="Id">The application's identifier of the action (1 to 256 characters, unique within a decision).</param>
/// <param name="Text">A text describing the action (embedded, and ranked against the user's stated preferences), or <see langword="null"/>.</param>
public sealed record DecisionAction(string Id, string? Text = null)
{
    /// <summary>Gets the action's features (price, category, length, …).</summary>
    public IReadOnlyList<Feature> Features { get; init; } = [];
}
