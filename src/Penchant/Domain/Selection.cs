namespace Penchant.Domain;

/// <summary>The preferences that apply to a request, most probable first, the styles the user's edits ask for, and a prompt block that states them.</summary>
/// <param name="Preferences">The selected preferences; empty when nothing applies, which is a normal answer.</param>
/// <param name="PromptBlock">The selection rendered for a prompt within the token budget; empty when nothing applies.</param>
public sealed record Selection(IReadOnlyList<SelectedPreference> Preferences, string PromptBlock)
{
    /// <summary>Gets the selection in which nothing applies.</summary>
    public static Selection Empty { get; } = new([], string.Empty);

    /// <summary>Gets the styles the user's edits in the nearest past contexts ask for, with the edits they came from; empty when none.</summary>
    public IReadOnlyList<StylePreference> Styles { get; init; } = [];

    /// <summary>
    /// Gets the preferences the gate would have selected but whose scope excludes the request (the user narrowed it: "not for
    /// my friends"), each with a reason that starts with <c>excluded:</c>; empty when none.
    /// </summary>
    public IReadOnlyList<SelectedPreference> Excluded { get; init; } = [];

    /// <summary>Gets the most <see cref="Selection.NearMisses"/> a selection carries.</summary>
    public const int MaxNearMisses = 5;

    /// <summary>
    /// Gets the current preferences that were not selected, most probable first (at most <see cref="MaxNearMisses"/>), each
    /// with its calibrated probability and reasons whose first says why it was left out (below the threshold, or outranked by
    /// a more specific preference); empty when every preference was selected or none was scored, and unless the request asked
    /// for them (<see cref="RequestContext.IncludeNearMisses"/>). They are not applied.
    /// </summary>
    public IReadOnlyList<SelectedPreference> NearMisses { get; init; } = [];

    /// <summary>Gets a value indicating whether nothing applies (no preference and no style).</summary>
    public bool IsEmpty => Preferences.Count == 0 && Styles.Count == 0;
}
