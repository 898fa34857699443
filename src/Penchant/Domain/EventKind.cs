namespace Penchant.Domain;

/// <summary>The kinds of entries in a user's event log.</summary>
public enum EventKind
{
    /// <summary>A statement given to <see cref="IPenchant.RememberAsync"/>.</summary>
    Statement = 0,

    /// <summary>A conversation turn given to <see cref="IPenchant.ObserveAsync"/>.</summary>
    Turn = 1,

    /// <summary>The user asked to forget a preference; <see cref="PreferenceEvent.Target"/> names it.</summary>
    Retraction = 2,

    /// <summary>The user's reaction to an answer (<see cref="IPenchant.ReactAsync"/>); <see cref="PreferenceEvent.Data"/> holds its label, reason and the preferences applied.</summary>
    Reaction = 6,
}
