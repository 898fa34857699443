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
}
