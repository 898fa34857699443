namespace Penchant.Storage;

/// <summary>
/// One user's state as read or committed, with what queries derived from it (computed on first use, then kept with it): one
/// derived object per type, so selection's prepared state and search's index live side by side.
/// </summary>
/// <remarks>
/// Thread-safe: the state never changes; two concurrent first uses may both derive, and either result is kept. What is
/// derived lives exactly as long as the snapshot, which the state cache replaces when the user's log position moves on or
/// drops when the user is forgotten: no query needs a cache of its own that would outlive the user's words.
/// </remarks>
internal sealed class UserSnapshot(UserState state)
{
    private (Type Type, object Value)[] _derived = [];

    /// <summary>Gets the state.</summary>
    public UserState State { get; } = state;

    /// <summary>Gets what a query derived from this state, or <see langword="null"/> when nothing of that type was derived yet.</summary>
    public T? Derived<T>()
        where T : class
    {
        foreach ((Type type, object value) in Volatile.Read(ref _derived))
        {
            if (type == typeof(T))
            {
                return (T)value;
            }
        }

        return null;
    }

    /// <summary>Keeps what a query derived from this state, replacing an earlier object of the same type.</summary>
    public void KeepDerived<T>(T derived)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(derived);
        while (true)
        {
            (Type, object)[] current = Volatile.Read(ref _derived);
            (Type, object)[] next = [.. current.Where(static d => d.Item1 != typeof(T)), (typeof(T), derived)];
            if (Interlocked.CompareExchange(ref _derived, next, current) == current)
            {
                return;
            }
        }
    }
}
