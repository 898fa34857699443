namespace Penchant;

/// <summary>An idempotency key was used again for a different request; nothing was written.</summary>
public sealed class IdempotencyKeyReusedException : PenchantException
{
    /// <summary>Initializes a new instance of the <see cref="IdempotencyKeyReusedException"/> class.</summary>
    public IdempotencyKeyReusedException()
        : base("This idempotency key was already used for a different request.")
    {
    }

    /// <summary>Initializes a new instance of the <see cref="IdempotencyKeyReusedException"/> class with a message.</summary>
    /// <param name="message">What happened.</param>
    public IdempotencyKeyReusedException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="IdempotencyKeyReusedException"/> class with a message and a cause.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="innerException">The cause.</param>
    public IdempotencyKeyReusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
