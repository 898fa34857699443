namespace Penchant.Storage;

/// <summary>One user's state as read or committed, with what queries derived from it (computed on first use, then kept with it).</summary>
/// <remarks>Thread-safe: the state never changes; two concurrent first uses may both derive, and either result is kept.</remarks>
internal sealed class UserSnapshot(UserState state)
{
    private object? _derived;

    /// <summary>Gets the state.</summary>
    public UserState State { get; } = state;

    /// <summary>Gets what a query derived from this state, or <see langword="null"/> when nothing (of that type) was derived yet.</summary>
    public T? Derived<T>()
        where T : class
        => Volatile.Read(ref _derived) as T;

    /// <summary>Keeps what a query derived from this state.</summary>
    public void KeepDerived<T>(T derived)
        where T : class
        => Volatile.Write(ref _derived, derived);
}
