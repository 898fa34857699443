namespace Penchant.Deciding;

/// <summary>What a decision is about: the situation the chosen action will be shown in.</summary>
/// <param name="Text">A text describing the situation (embedded and crossed with the actions' texts), or <see langword="null"/>.</param>
public sealed record DecisionContext(string? Text = null)
{
    /// <summary>Gets the context's features (time of day, device, the user's segment, …).</summary>
    public IReadOnlyList<Feature> Features { get; init; } = [];
}
