namespace Penchant.Server.Writes;

/// <summary>A text in the request is longer than <see cref="PenchantOptions.MaxTextLength"/> (400 <c>text_too_long</c>).</summary>
public sealed class TextTooLongException : ArgumentException
{
    /// <summary>Initializes a new instance of the <see cref="TextTooLongException"/> class.</summary>
    public TextTooLongException()
        : base("A text is longer than the limit.")
    {
    }

    /// <summary>Initializes a new instance of the <see cref="TextTooLongException"/> class.</summary>
    /// <param name="message">Which text and the limit.</param>
    public TextTooLongException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="TextTooLongException"/> class.</summary>
    /// <param name="message">Which text and the limit.</param>
    /// <param name="innerException">The cause.</param>
    public TextTooLongException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
