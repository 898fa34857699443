namespace Penchant.Signals;

/// <summary>The kinds of entries in a user's event log.</summary>
public enum EventKind
{
    /// <summary>A statement given to <see cref="IPenchant.RememberAsync"/>.</summary>
    Statement = 0,

    /// <summary>A conversation turn given to <see cref="IPenchant.ObserveAsync"/>.</summary>
    Turn = 1,

    /// <summary>The user asked to forget a preference; <see cref="PreferenceEvent.Target"/> names it.</summary>
    Retraction = 2,

    /// <summary>A comparison of two responses (<see cref="IPenchant.CompareAsync"/>); <see cref="PreferenceEvent.Data"/> holds it.</summary>
    Comparison = 3,

    /// <summary>A rating of one response (<see cref="IPenchant.RateAsync"/>); <see cref="PreferenceEvent.Data"/> holds it.</summary>
    Rating = 4,

    /// <summary>A choice among shown candidates (<see cref="IPenchant.ChooseAsync"/>); <see cref="PreferenceEvent.Data"/> holds it.</summary>
    Choice = 5,

    /// <summary>The user's reaction to an answer (<see cref="IPenchant.ReactAsync"/>); <see cref="PreferenceEvent.Data"/> holds its label, reason and the preferences applied.</summary>
    Reaction = 6,
}
