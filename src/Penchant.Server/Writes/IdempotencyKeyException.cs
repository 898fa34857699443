namespace Penchant.Server.Writes;

/// <summary>The <c>Idempotency-Key</c> header is malformed (400); a key used before for a different request is <see cref="IdempotencyKeyReusedException"/> (422).</summary>
public sealed class IdempotencyKeyException : ArgumentException
{
    /// <summary>Initializes a new instance of the <see cref="IdempotencyKeyException"/> class.</summary>
    public IdempotencyKeyException()
        : base("The Idempotency-Key is invalid.")
    {
    }

    /// <summary>Initializes a new instance of the <see cref="IdempotencyKeyException"/> class.</summary>
    /// <param name="message">What is wrong with the key.</param>
    public IdempotencyKeyException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="IdempotencyKeyException"/> class.</summary>
    /// <param name="message">What is wrong with the key.</param>
    /// <param name="innerException">The cause.</param>
    public IdempotencyKeyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
