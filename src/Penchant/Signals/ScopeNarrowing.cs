namespace Penchant.Signals;

/// <summary>
/// The user said a preference fired where it should not ("not for my friends"): its scope narrows. The narrowing is a signal
/// like any other, kept in the event log, so a rebuild reproduces it: the preference is superseded by a version whose scope
/// carries the situation as an exclusion (see <see cref="Domain.PreferenceScope.Exclusions"/>).
/// </summary>
/// <param name="PreferenceId">The preference to narrow (a current one).</param>
/// <param name="NotFor">The situation it must not apply to ("my friends", "emails to my friends").</param>
/// <param name="At">When it was said; now when <see langword="null"/>.</param>
public sealed record ScopeNarrowing(string PreferenceId, string NotFor, DateTimeOffset? At = null) : Signal;
