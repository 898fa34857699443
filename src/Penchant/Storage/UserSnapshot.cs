namespace Penchant.Storage;

/// <summary>One user's state as read or committed, with what queries derived from it (computed on first use, then kept with it).</summary>
/// <remarks>
/// Thread-safe: the state never changes; two concurrent first uses may both derive, and either result is kept. What is
/// derived lives exactly as long as the snapshot: a new state or forgetting the user drops it with the snapshot, so no
/// query needs a cache of its own that would outlive the user's words.
/// </remarks>
internal sealed class UserSnapshot(UserState state)
{
    // One object per type of derived data (selection's and ranking's); replaced whole, never changed in place.
    private object[] _derived = [];

    /// <summary>Gets the state.</summary>
    public UserState State { get; } = state;

    /// <summary>Gets what a query derived from this state, or <see langword="null"/> when nothing (of that type) was derived yet.</summary>
    public T? Derived<T>()
        where T : class
    {
        foreach (object derived in Volatile.Read(ref _derived))
        {
            if (derived is T found)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>Keeps what a query derived from this state, in place of what was kept of the same type.</summary>
    public void KeepDerived<T>(T derived)
        where T : class
    {
        object[] current = Volatile.Read(ref _derived);
        while (true)
        {
            object[] next = [.. current.Where(static d => d is not T), derived];
            object[] seen = Interlocked.CompareExchange(ref _derived, next, current);
            if (ReferenceEquals(seen, current))
            {
                return;
            }

            current = seen;
        }
    }
}
