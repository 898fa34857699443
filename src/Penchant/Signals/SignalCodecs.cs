namespace Penchant.Signals;

/// <summary>The registered codecs, found by signal type when recording and by kind when reading the log.</summary>
internal sealed class SignalCodecs
{
    private readonly Dictionary<Type, SignalCodec> _byType = [];
    private readonly Dictionary<EventKind, SignalCodec> _byKind = [];

    public SignalCodecs(IEnumerable<SignalCodec> codecs)
    {
        ArgumentNullException.ThrowIfNull(codecs);
        foreach (SignalCodec codec in codecs)
        {
            // The first registration of a type or kind wins, as TryAdd registrations do.
            _byType.TryAdd(codec.SignalType, codec);
            _byKind.TryAdd(codec.Kind, codec);
        }
    }

    /// <summary>Gets the codec of a signal's type.</summary>
    /// <exception cref="InvalidOperationException">No codec is registered for the type.</exception>
    public SignalCodec For(Signal signal)
        => _byType.TryGetValue(signal.GetType(), out SignalCodec? codec)
            ? codec
            : throw new InvalidOperationException($"No codec is registered for the signal type {signal.GetType().Name}; register one with AddPenchant().AddSignal<TSignal, TCodec>().");

    /// <summary>Gets the codec that writes entries of a kind.</summary>
    /// <exception cref="InvalidOperationException">No codec is registered for the kind.</exception>
    public SignalCodec ForKind(EventKind kind)
        => _byKind.TryGetValue(kind, out SignalCodec? codec)
            ? codec
            : throw new InvalidOperationException($"No codec is registered for the event kind '{kind.Name}'.");

    /// <summary>Gets a value indicating whether entries of a kind can be in a log: a registered signal's kind, or a retraction.</summary>
    public bool Knows(EventKind kind) => kind == EventKind.Retraction || _byKind.ContainsKey(kind);

    /// <summary>Reads a log entry back as the signal its codec wrote, or <see langword="null"/> when it is redacted, malformed or of a kind no codec reads.</summary>
    public Signal? Decode(PreferenceEvent entry)
        => !entry.Redacted && _byKind.TryGetValue(entry.Kind, out SignalCodec? codec) ? codec.DecodeEntry(entry) : null;

    /// <summary>Reads a log entry back as a signal of type <typeparamref name="TSignal"/>, or <see langword="null"/> when it is not one, is redacted or is malformed.</summary>
    public TSignal? Decode<TSignal>(PreferenceEvent entry)
        where TSignal : Signal
        => !entry.Redacted && _byKind.TryGetValue(entry.Kind, out SignalCodec? codec) && codec.SignalType == typeof(TSignal)
            ? codec.DecodeEntry(entry) as TSignal
            : null;
}
