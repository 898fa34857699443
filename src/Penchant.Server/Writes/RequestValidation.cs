using Penchant.Server.Contracts;

namespace Penchant.Server.Writes;

/// <summary>Checks request texts before they reach the engine: present, within the length limit, free of control characters and broken surrogates.</summary>
internal static class RequestValidation
{
    /// <summary>Validates a required text.</summary>
    /// <param name="text">The text.</param>
    /// <param name="field">The JSON field, for the message.</param>
    /// <param name="maxLength">The longest text accepted.</param>
    /// <exception cref="ArgumentException">The text is missing, blank, or has control characters or unpaired surrogates.</exception>
    /// <exception cref="TextTooLongException">The text is too long.</exception>
    public static string Text(string? text, string field, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ArgumentException($"'{field}' is required and may not be blank.", field);
        }

        Optional(text, field, maxLength);
        return text;
    }

    /// <summary>Validates an optional text.</summary>
    /// <param name="text">The text, or <see langword="null"/>.</param>
    /// <param name="field">The JSON field, for the message.</param>
    /// <param name="maxLength">The longest text accepted.</param>
    /// <exception cref="ArgumentException">The text has control characters or unpaired surrogates.</exception>
    /// <exception cref="TextTooLongException">The text is too long.</exception>
    public static void Optional(string? text, string field, int maxLength)
    {
        if (text is null)
        {
            return;
        }

        if (text.Length > maxLength)
        {
            throw new TextTooLongException($"'{field}' is {text.Length} characters long; the limit is {maxLength}.");
        }

        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsControl(c) && c is not ('\t' or '\n' or '\r'))
            {
                throw new ArgumentException($"'{field}' contains a control character (U+{(int)c:X4}).", field);
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                throw new ArgumentException($"'{field}' contains an unpaired UTF-16 surrogate.", field);
            }
        }
    }

    /// <summary>Validates conversation turns.</summary>
    /// <param name="turns">The turns.</param>
    /// <param name="field">The JSON field.</param>
    /// <param name="maxLength">The longest text accepted.</param>
    /// <param name="maxTurns">The most turns accepted.</param>
    /// <param name="required">Whether at least one turn is required.</param>
    /// <exception cref="ArgumentException">A turn is invalid, or there are none when required, or too many.</exception>
    public static void Turns(IReadOnlyList<TurnContract>? turns, string field, int maxLength, int maxTurns, bool required)
    {
        if (turns is not { Count: > 0 })
        {
            if (required)
            {
                throw new ArgumentException($"'{field}' needs at least one turn.", field);
            }

            return;
        }

        if (turns.Count > maxTurns)
        {
            throw new ArgumentException($"'{field}' has {turns.Count} turns; the limit is {maxTurns}.", field);
        }

        for (int i = 0; i < turns.Count; i++)
        {
            TurnContract turn = turns[i] ?? throw new ArgumentException($"'{field}[{i}]' is null.", field);
            Text(turn.Role, $"{field}[{i}].role", 32);
            Text(turn.Content, $"{field}[{i}].content", maxLength);
        }
    }
}
