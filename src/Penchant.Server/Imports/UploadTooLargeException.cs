namespace Penchant.Server.Imports;

/// <summary>An import upload is larger than <see cref="ImportOptions.MaxUploadBytes"/> (answered 413).</summary>
public sealed class UploadTooLargeException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="UploadTooLargeException"/> class.</summary>
    public UploadTooLargeException()
        : base("The upload is too large.")
    {
    }

    /// <summary>Initializes a new instance of the <see cref="UploadTooLargeException"/> class.</summary>
    /// <param name="message">The message.</param>
    public UploadTooLargeException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="UploadTooLargeException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public UploadTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="UploadTooLargeException"/> class for a limit.</summary>
    /// <param name="maxBytes">The limit.</param>
    public UploadTooLargeException(long maxBytes)
        : base($"The upload may be at most {maxBytes} bytes (Penchant:Imports:MaxUploadBytes).")
    {
    }
}
