namespace Penchant.Storage;

/// <summary>Another writer changed the user's log since it was read; the engine re-reads and retries.</summary>
public sealed class ConcurrencyException : PenchantException
{
    /// <summary>Initializes a new instance of the <see cref="ConcurrencyException"/> class.</summary>
    public ConcurrencyException()
        : base("The user's event log changed since it was read.")
    {
    }

    /// <summary>Initializes a new instance of the <see cref="ConcurrencyException"/> class with a message.</summary>
    /// <param name="message">What conflicted.</param>
    public ConcurrencyException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="ConcurrencyException"/> class with a message and a cause.</summary>
    /// <param name="message">What conflicted.</param>
    /// <param name="innerException">The provider failure.</param>
    public ConcurrencyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
