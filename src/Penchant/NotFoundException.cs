namespace Penchant;

/// <summary>A user or preference that an operation names does not exist.</summary>
public sealed class NotFoundException : PenchantException
{
    /// <summary>Initializes a new instance of the <see cref="NotFoundException"/> class.</summary>
    public NotFoundException()
        : base("The user or preference does not exist.")
    {
    }

    /// <summary>Initializes a new instance of the <see cref="NotFoundException"/> class with a message.</summary>
    /// <param name="message">What was not found.</param>
    public NotFoundException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="NotFoundException"/> class with a message and a cause.</summary>
    /// <param name="message">What was not found.</param>
    /// <param name="innerException">The cause.</param>
    public NotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
