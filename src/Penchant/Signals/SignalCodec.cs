namespace Penchant.Signals;

/// <summary>
/// Turns one type of <see cref="Signal"/> into an entry of the event log and back. The engine finds the codec of a signal
/// by its type when recording it, and the codec of an entry by its <see cref="EventKind"/> when a learner reads it.
/// </summary>
/// <remarks>Derive from <see cref="SignalCodec{TSignal}"/>; register with <c>PenchantBuilder.AddSignal</c>.</remarks>
public abstract class SignalCodec
{
    private protected SignalCodec()
    {
    }

    /// <summary>Gets the kind of the entries this codec writes.</summary>
    public abstract EventKind Kind { get; }

    /// <summary>Gets the type of signal this codec encodes.</summary>
    public abstract Type SignalType { get; }

    /// <summary>Gets the name idempotency keys are scoped to; the kind's name unless a codec keeps an older one.</summary>
    public virtual string Operation => Kind.Name;

    internal abstract ValueTask<Signal> PrepareSignalAsync(Signal signal, CancellationToken cancellationToken);

    internal abstract void ValidateSignal(Signal signal, SignalRules rules);

    internal abstract SignalEntry EncodeSignal(Signal signal);

    internal abstract Signal? DecodeEntry(PreferenceEvent entry);
}
