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

    /// <summary>
    /// Gets a value indicating whether a stored entry records the same request as an entry about to be written under the
    /// same idempotency key (a retry), rather than another request reusing the key. By default the text, role, scope and
    /// data must all match; a codec whose data holds what it derived while preparing the signal (a classification, say)
    /// overrides this to compare only what the caller sent.
    /// </summary>
    /// <param name="stored">The entry in the log.</param>
    /// <param name="asked">The entry the retry would write.</param>
    /// <returns><see langword="true"/> for a retry of the same request.</returns>
    public virtual bool IsSameRequest(PreferenceEvent stored, PreferenceEvent asked)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(asked);
        return stored.Kind == asked.Kind
            && string.Equals(stored.Text, asked.Text, StringComparison.Ordinal)
            && string.Equals(stored.Role, asked.Role, StringComparison.Ordinal)
            && string.Equals(stored.Scope, asked.Scope, StringComparison.Ordinal)
            && string.Equals(stored.Data, asked.Data, StringComparison.Ordinal);
    }

    internal abstract ValueTask<Signal> PrepareSignalAsync(Signal signal, CancellationToken cancellationToken);

    internal abstract void ValidateSignal(Signal signal, SignalRules rules);

    internal abstract SignalEntry EncodeSignal(Signal signal);

    internal abstract Signal? DecodeEntry(PreferenceEvent entry);

    /// <summary>
    /// Gets the signal an entry just encoded from <paramref name="recorded"/> decodes to, without reading the entry back,
    /// for a codec whose entries read back exactly as the signal written (the learners of the write that records it then
    /// skip the parse); <see langword="null"/> (the default) to decode the entry.
    /// </summary>
    /// <param name="recorded">The signal as recorded (prepared and validated).</param>
    /// <param name="entry">The entry it was encoded as.</param>
    /// <returns>The signal, or <see langword="null"/>.</returns>
    internal virtual Signal? AsWritten(Signal recorded, PreferenceEvent entry) => null;
}
