namespace Penchant.Storage;

/// <summary>
/// The store cannot be reached for now (its server is down, restarting or refused the connection); retrying later may
/// succeed. A write that failed this way may or may not have been committed: retry it with the same idempotency key.
/// </summary>
/// <remarks>The service answers it with 503 and a <c>Retry-After</c> header.</remarks>
public sealed class StoreUnavailableException : PenchantException
{
    /// <summary>Initializes a new instance of the <see cref="StoreUnavailableException"/> class.</summary>
    public StoreUnavailableException()
        : base("The store is unavailable; retry later.")
    {
    }

    /// <summary>Initializes a new instance of the <see cref="StoreUnavailableException"/> class with a message.</summary>
    /// <param name="message">What failed.</param>
    public StoreUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="StoreUnavailableException"/> class with a message and a cause.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The provider failure.</param>
    public StoreUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
