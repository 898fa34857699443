namespace Penchant.Signals;

/// <summary>Turns a <typeparamref name="TSignal"/> into an entry of the event log and back.</summary>
/// <typeparam name="TSignal">The signal type.</typeparam>
public abstract class SignalCodec<TSignal> : SignalCodec
    where TSignal : Signal
{
    /// <inheritdoc/>
    public sealed override Type SignalType => typeof(TSignal);

    /// <summary>
    /// Completes a signal before it is validated and written, for what must be decided once and then kept in the log (for
    /// example classifying a reaction, so a replay needs no classifier). The signal as given by default.
    /// </summary>
    /// <param name="signal">The signal.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The signal to write.</returns>
    public virtual ValueTask<TSignal> PrepareAsync(TSignal signal, CancellationToken cancellationToken) => ValueTask.FromResult(signal);

    /// <summary>Rejects a malformed signal with an <see cref="ArgumentException"/> before anything is written.</summary>
    /// <param name="signal">The signal.</param>
    /// <param name="rules">The engine's limits on texts.</param>
    /// <exception cref="ArgumentException">The signal is malformed.</exception>
    public abstract void Validate(TSignal signal, SignalRules rules);

    /// <summary>Writes a validated signal as the content of one log entry.</summary>
    /// <param name="signal">The signal.</param>
    /// <returns>The entry's content.</returns>
    public abstract SignalEntry Encode(TSignal signal);

    /// <summary>Reads a signal back from its log entry.</summary>
    /// <param name="entry">The entry (not redacted).</param>
    /// <returns>The signal, or <see langword="null"/> when the entry's payload is malformed (an imported entry, say).</returns>
    public abstract TSignal? Decode(PreferenceEvent entry);

    internal sealed override async ValueTask<Signal> PrepareSignalAsync(Signal signal, CancellationToken cancellationToken)
        => await PrepareAsync((TSignal)signal, cancellationToken).ConfigureAwait(false);

    internal sealed override void ValidateSignal(Signal signal, SignalRules rules) => Validate((TSignal)signal, rules);

    internal sealed override SignalEntry EncodeSignal(Signal signal) => Encode((TSignal)signal);

    internal sealed override Signal? DecodeEntry(PreferenceEvent entry) => Decode(entry);
}
