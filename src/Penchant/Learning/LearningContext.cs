using Penchant.Domain;
using Penchant.Signals;
using Penchant.Storage;

namespace Penchant.Learning;

/// <summary>
/// What a learner sees and changes while one write or one replay passes over a user's log: the working set of
/// preferences, the user's model parts, and a place to keep scratch state from one entry to the next.
/// </summary>
/// <remarks>Not thread-safe: one pass runs one entry at a time. Everything changed is committed with the entries, atomically.</remarks>
public sealed class LearningContext
{
    private readonly SignalCodecs _codecs;
    private readonly Dictionary<Type, object> _passState = [];
    private readonly IReadOnlyDictionary<PreferenceEvent, Signal>? _written;
    private List<Action<LogPosition?>>? _completed;

    internal LearningContext(UserKey user, bool isReplay, WorkingPreferences preferences, UserModels models, SignalCodecs codecs, LogPosition position = default, IReadOnlyDictionary<PreferenceEvent, Signal>? written = null)
    {
        _written = written;
        User = user;
        Position = position;
        IsReplay = isReplay;
        Preferences = preferences;
        Models = models;
        _codecs = codecs;
    }

    /// <summary>Gets the user.</summary>
    public UserKey User { get; }

    /// <summary>Gets a value indicating whether the log is being replayed (a rebuild or an import) rather than a new signal recorded.</summary>
    public bool IsReplay { get; }

    /// <summary>Gets the position of the user's log the pass starts from (for a replay, the log's end).</summary>
    internal LogPosition Position { get; }

    /// <summary>Gets what runs once the pass's change has been committed (with the log's new position) or abandoned (<see langword="null"/>).</summary>
    internal IReadOnlyList<Action<LogPosition?>> Completions => _completed ?? [];

    /// <summary>Gets the user's preferences as this pass has left them so far.</summary>
    public WorkingPreferences Preferences { get; }

    /// <summary>Gets the user's parts of learned models (for example the personal ranking part).</summary>
    public UserModels Models { get; }

    /// <summary>Reads an entry back as the signal its codec wrote.</summary>
    /// <typeparam name="TSignal">The signal type expected.</typeparam>
    /// <param name="entry">The entry.</param>
    /// <returns>The signal, or <see langword="null"/> when the entry is of another type, redacted or malformed.</returns>
    public TSignal? Decode<TSignal>(PreferenceEvent entry)
        where TSignal : Signal
    {
        ArgumentNullException.ThrowIfNull(entry);

        // An entry this pass is writing reads back as the signal recorded, when its codec says so: no parse.
        if (_written is not null && !entry.Redacted && _written.TryGetValue(entry, out Signal? recorded))
        {
            return recorded as TSignal;
        }

        return _codecs.Decode<TSignal>(entry);
    }

    /// <summary>Gets scratch state of type <typeparamref name="T"/> that lives for this pass only (for example the last assistant turn seen).</summary>
    /// <typeparam name="T">The state type; one instance per pass.</typeparam>
    /// <returns>The state.</returns>
    public T PassState<T>()
        where T : class, new()
    {
        if (!_passState.TryGetValue(typeof(T), out object? state))
        {
            state = new T();
            _passState[typeof(T)] = state;
        }

        return (T)state;
    }

    /// <summary>Runs <paramref name="completed"/> once the pass's change is committed (with the log's new position) or abandoned (with <see langword="null"/>).</summary>
    /// <param name="completed">The callback; it must not throw.</param>
    internal void OnCompleted(Action<LogPosition?> completed) => (_completed ??= []).Add(completed);
}
