namespace Penchant.Server.Writes;

/// <summary>The <c>Idempotency-Key</c> header is malformed (400) or was used before for a different request (422).</summary>
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

    /// <summary>Gets a value indicating whether the key was reused for a different request (rather than malformed).</summary>
    public bool IsReuse { get; init; }
}
