using Penchant.Domain;

namespace Penchant.Searching;

/// <summary>
/// A search over one user's current preferences that have not expired (<see cref="IPenchant.SearchAsync"/>): by meaning and
/// by words, without the applicability gate; optionally only those whose metadata passes a filter.
/// </summary>
/// <param name="Text">What to look for ("what do you know about my diet?"), 1 to <see cref="PenchantOptions.MaxTextLength"/> characters.</param>
public sealed record PreferenceSearch(string Text)
{
    /// <summary>The most matches a search may ask for.</summary>
    public const int MaxLimit = 100;

    /// <summary>Gets the most matches returned.</summary>
    /// <value>1 to <see cref="MaxLimit"/>; the default is 10.</value>
    public int Limit { get; init; } = 10;

    /// <summary>Gets which preferences may be found at all, by their metadata.</summary>
    /// <value><see cref="MetadataFilter.None"/> (the default) for every one.</value>
    public MetadataFilter Filter { get; init; } = MetadataFilter.None;
}
