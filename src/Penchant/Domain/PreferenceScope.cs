namespace Penchant.Domain;

/// <summary>
/// Where a preference applies: free text ("emails to my boss") and structured tags
/// matched against <see cref="RequestContext.Attributes"/>. An empty scope applies everywhere.
/// </summary>
public sealed record PreferenceScope
{
    // Declared first: static initializers run in order, and Everywhere reads it.
    internal static readonly IReadOnlyDictionary<string, string> EmptyTags = new Dictionary<string, string>(0);

    /// <summary>Gets the scope that applies everywhere.</summary>
    public static PreferenceScope Everywhere { get; } = new();

    /// <summary>Gets the scope as the user said it, or <see langword="null"/> when it applies everywhere.</summary>
    public string? Text { get; init; }

    /// <summary>Gets structured tags (for example <c>channel=email</c>, <c>recipient=boss</c>) that a request's attributes must match.</summary>
    public IReadOnlyDictionary<string, string> Tags { get; init; } = EmptyTags;

    /// <summary>
    /// Gets the situations the preference must not apply to, as the user said them when it fired where it should not ("my
    /// friends" from "not for my friends"); empty by default. Selection drops the preference for a request that names one of
    /// them or is closer in meaning to one of them than to the scope.
    /// </summary>
    public IReadOnlyList<string> Exclusions { get; init; } = [];

    /// <summary>Gets a value indicating whether the scope limits where the preference applies.</summary>
    public bool IsScoped => Text is not null || Tags.Count > 0;
}
