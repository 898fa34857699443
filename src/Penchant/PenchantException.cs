namespace Penchant;

/// <summary>The base of every failure Penchant reports about the domain (not about API misuse).</summary>
public class PenchantException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="PenchantException"/> class.</summary>
    public PenchantException()
        : base("The preference engine could not complete the operation.")
    {
    }

    /// <summary>Initializes a new instance of the <see cref="PenchantException"/> class with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public PenchantException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="PenchantException"/> class with a message and a cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The provider failure that caused it.</param>
    public PenchantException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
