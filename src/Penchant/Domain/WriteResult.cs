using Penchant.Signals;
namespace Penchant.Domain;

/// <summary>What a write (<see cref="IPenchant.RememberAsync"/>, <see cref="IPenchant.ObserveAsync"/>) changed.</summary>
/// <param name="Events">The events appended to the user's log.</param>
/// <param name="Created">Preferences that did not exist before.</param>
/// <param name="Reinforced">Existing preferences that gained a source because the user said the same thing again.</param>
/// <param name="Superseded">Preferences retired because a newer statement revised or reversed them.</param>
public sealed record WriteResult(
    IReadOnlyList<PreferenceEvent> Events,
    IReadOnlyList<Preference> Created,
    IReadOnlyList<Preference> Reinforced,
    IReadOnlyList<Preference> Superseded);
