namespace Penchant.Searching;

/// <summary>A search over one user's current preferences (<see cref="IPenchant.SearchAsync"/>): by meaning and by words, without the applicability gate.</summary>
/// <param name="Text">What to look for ("what do you know about my diet?"), 1 to <see cref="PenchantOptions.MaxTextLength"/> characters.</param>
public sealed record PreferenceSearch(string Text)
{
    /// <summary>The most matches a search may ask for.</summary>
    public const int MaxLimit = 100;

    /// <summary>Gets the most matches returned.</summary>
    /// <value>1 to <see cref="MaxLimit"/>; the default is 10.</value>
    public int Limit { get; init; } = 10;
}
