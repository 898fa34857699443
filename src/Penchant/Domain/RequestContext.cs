using Penchant.Signals;
namespace Penchant.Domain;

/// <summary>What the application is about to do for the user, for which preferences are selected.</summary>
/// <param name="Text">The request.</param>
public sealed record RequestContext(string Text)
{
    /// <summary>Gets the recent conversation before the request, oldest first.</summary>
    public IReadOnlyList<ConversationTurn> Conversation { get; init; } = [];

    /// <summary>Gets structured attributes of the request, such as <c>domain</c>, <c>channel</c>, <c>recipient</c>, <c>locale</c>.</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; init; } = PreferenceScope.EmptyTags;

    /// <summary>Gets which preferences may be selected at all, by their metadata; <see cref="MetadataFilter.None"/> for every one.</summary>
    public MetadataFilter Filter { get; init; } = MetadataFilter.None;

    /// <summary>
    /// Gets a value indicating whether the selection should also carry its near misses (<see cref="Selection.NearMisses"/>):
    /// the most probable preferences left out and why. Off by default, since only tools that explain a selection read them.
    /// </summary>
    public bool IncludeNearMisses { get; init; }
}
