namespace Penchant.Signals;

/// <summary>The engine's limits on the texts of a signal, for codecs to validate with.</summary>
/// <param name="MaxTextLength">The longest text accepted, in characters.</param>
public sealed record SignalRules(int MaxTextLength)
{
    /// <summary>Rejects a missing, blank, too long or NUL-bearing text.</summary>
    /// <param name="text">The text.</param>
    /// <param name="parameterName">The parameter the text belongs to.</param>
    /// <exception cref="ArgumentException">The text is empty, whitespace, longer than <see cref="MaxTextLength"/> or contains NUL.</exception>
    public void Text(string? text, string parameterName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text, parameterName);
        if (text.Length > MaxTextLength)
        {
            throw new ArgumentException($"The text is {text.Length} characters long; the limit is {MaxTextLength}.", parameterName);
        }

        if (text.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException("The text contains a NUL character.", parameterName);
        }
    }

    /// <summary>Rejects a present text that <see cref="Text"/> would reject; <see langword="null"/> passes.</summary>
    /// <param name="text">The text.</param>
    /// <param name="parameterName">The parameter the text belongs to.</param>
    /// <exception cref="ArgumentException">The text is present and malformed.</exception>
    public void OptionalText(string? text, string parameterName)
    {
        if (text is not null)
        {
            Text(text, parameterName);
        }
    }
}
