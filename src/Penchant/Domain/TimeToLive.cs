using System.Globalization;
using System.Xml;

namespace Penchant.Domain;

/// <summary>Reads a time to live as people and APIs write it: an ISO-8601 duration (<c>P7D</c>, <c>PT12H</c>) or a number of seconds.</summary>
public static class TimeToLive
{
    /// <summary>Reads a time to live.</summary>
    /// <param name="text">An ISO-8601 duration (<c>P7D</c>, <c>PT1H30M</c>; years and months are not accepted) or whole seconds (<c>3600</c>).</param>
    /// <param name="parameterName">The parameter the text belongs to.</param>
    /// <returns>The duration, positive.</returns>
    /// <exception cref="ArgumentException">The text is neither form, or the duration is not positive.</exception>
    public static TimeSpan Parse(string? text, string parameterName)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ArgumentException("The time to live is empty; write an ISO-8601 duration such as P7D or a number of seconds.", parameterName);
        }

        text = text.Trim();
        TimeSpan value;
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long seconds))
        {
            if (seconds > (long)TimeSpan.MaxValue.TotalSeconds / 2)
            {
                throw new ArgumentException($"The time to live '{text}' is too long.", parameterName);
            }

            value = TimeSpan.FromSeconds(seconds);
        }
        else if (text.Length > 1 && (text[0] is 'P' or 'p') && !HasYearsOrMonths(text))
        {
            try
            {
                value = XmlConvert.ToTimeSpan(text.ToUpperInvariant());
            }
            catch (FormatException)
            {
                throw new ArgumentException($"The time to live '{text}' is not an ISO-8601 duration such as P7D, PT12H or P1DT6H.", parameterName);
            }
            catch (OverflowException)
            {
                throw new ArgumentException($"The time to live '{text}' is too long.", parameterName);
            }
        }
        else
        {
            throw new ArgumentException($"The time to live '{text}' is neither an ISO-8601 duration (P7D, PT12H; no years or months) nor a number of seconds.", parameterName);
        }

        if (value <= TimeSpan.Zero)
        {
            throw new ArgumentException("The time to live must be positive.", parameterName);
        }

        return value;
    }

    // Years and months have no fixed length; only the date part (before T) can hold them.
    private static bool HasYearsOrMonths(string text)
    {
        int t = text.IndexOfAny(['T', 't']);
        ReadOnlySpan<char> date = t < 0 ? text.AsSpan(1) : text.AsSpan(1, t - 1);
        return date.IndexOfAny('Y', 'y') >= 0 || date.IndexOfAny('M', 'm') >= 0;
    }
}
