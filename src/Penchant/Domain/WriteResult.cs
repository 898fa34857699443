using Penchant.Signals;

namespace Penchant.Domain;

/// <summary>What a write (<see cref="IPenchant.RecordAsync"/>, <see cref="IPenchant.ImportAsync"/>) changed.</summary>
/// <param name="Events">The events appended to the user's log (for a replayed keyed write, the events the first write appended).</param>
/// <param name="Created">Preferences that did not exist before.</param>
/// <param name="Reinforced">Existing preferences that gained a source because the user said the same thing again.</param>
/// <param name="Superseded">Preferences retired because a newer statement revised or reversed them.</param>
public sealed record WriteResult(
    IReadOnlyList<PreferenceEvent> Events,
    IReadOnlyList<Preference> Created,
    IReadOnlyList<Preference> Reinforced,
    IReadOnlyList<Preference> Superseded)
{
    /// <summary>Gets a write that changed nothing.</summary>
    public static WriteResult None { get; } = new([], [], [], []);

    /// <summary>Gets the signals as recorded: completed by their codecs (a reaction carries its classification); empty for an import or a rebuild.</summary>
    public IReadOnlyList<Signal> Signals { get; init; } = [];

    /// <summary>Gets a value indicating whether an idempotency key had already been used for this write, so nothing was written again.</summary>
    public bool Replayed { get; init; }
}
