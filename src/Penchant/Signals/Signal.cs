namespace Penchant.Signals;

/// <summary>
/// Something observed about a user: a statement, a conversation turn, a reaction, a comparison, a rating, a choice, or a
/// signal an application defines. Every signal enters through <see cref="IPenchant.RecordAsync"/>, becomes an entry of the
/// user's event log through its <see cref="SignalCodec{TSignal}"/>, and is learned from by the learners that read its kind.
/// </summary>
public abstract record Signal
{
    /// <summary>Gets when the signal happened; the engine's clock when <see langword="null"/>.</summary>
    public abstract DateTimeOffset? At { get; init; }

    /// <summary>
    /// Gets free-form metadata the application attaches (for example <c>{"app":"mail"}</c>), within the limits of
    /// <see cref="Domain.PreferenceMetadata"/>; kept in the log entry and carried to the preferences learned from it.
    /// </summary>
    public IReadOnlyDictionary<string, string>? Metadata { get; init; }

    /// <summary>
    /// Gets when what the signal says stops holding ("this week I'm on a diet"): the preferences learned only from
    /// expiring signals stop being selected then and are later forgotten. <see langword="null"/> for never.
    /// </summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>Gets how long what the signal says holds, counted from <see cref="At"/>; an alternative to <see cref="ExpiresAt"/>.</summary>
    public TimeSpan? TimeToLive { get; init; }
}
