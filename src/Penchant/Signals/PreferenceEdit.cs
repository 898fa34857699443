namespace Penchant.Signals;

/// <summary>
/// The user (or an application on their behalf) corrected one of their preferences: a new text, scope or strength. The
/// edit is a signal like any other, kept in the event log, so the history shows the change and a rebuild reproduces it:
/// the edited preference is superseded by a new version that carries the change.
/// </summary>
/// <param name="PreferenceId">The preference to change (a current one).</param>
/// <param name="Text">The new text, or <see langword="null"/> to keep it.</param>
/// <param name="Scope">The new scope (an empty string makes it apply everywhere), or <see langword="null"/> to keep it.</param>
/// <param name="Strength">The new strength, 0 to 1, or <see langword="null"/> to keep it.</param>
/// <param name="At">When it was edited; now when <see langword="null"/>.</param>
public sealed record PreferenceEdit(string PreferenceId, string? Text = null, string? Scope = null, double? Strength = null, DateTimeOffset? At = null) : Signal;
