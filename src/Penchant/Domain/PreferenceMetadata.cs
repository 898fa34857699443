using System.Collections.Frozen;

namespace Penchant.Domain;

/// <summary>
/// Free-form string metadata an application attaches to a signal (for example <c>{"app":"mail","source":"settings"}</c>),
/// carried to the preferences learned from it and filtered on with <see cref="MetadataFilter"/>: its limits and checks.
/// </summary>
/// <remarks>
/// A key is 1 to <see cref="MaxKeyLength"/> characters of ASCII letters, digits, <c>_</c>, <c>-</c> and <c>.</c>, so it can
/// travel in a query parameter (<c>metadata.app=mail</c>); a value is 1 to <see cref="MaxValueLength"/> characters without
/// control characters. Values may hold user content: they are erased with the signal's text when it is redacted.
/// </remarks>
public static class PreferenceMetadata
{
    /// <summary>The most keys one signal or preference may carry.</summary>
    public const int MaxKeys = 16;

    /// <summary>The longest key, in characters.</summary>
    public const int MaxKeyLength = 64;

    /// <summary>The longest value, in characters.</summary>
    public const int MaxValueLength = 256;

    /// <summary>Gets the metadata of something that has none.</summary>
    public static IReadOnlyDictionary<string, string> Empty { get; } = FrozenDictionary<string, string>.Empty;

    /// <summary>Rejects metadata with too many keys, or a key or value that is empty, too long or malformed.</summary>
    /// <param name="metadata">The metadata; <see langword="null"/> passes.</param>
    /// <param name="parameterName">The parameter the metadata belongs to.</param>
    /// <exception cref="ArgumentException">The metadata breaks a limit; the message names the key.</exception>
    public static void Validate(IReadOnlyDictionary<string, string>? metadata, string parameterName)
    {
        if (metadata is null)
        {
            return;
        }

        if (metadata.Count > MaxKeys)
        {
            throw new ArgumentException($"The metadata has {metadata.Count} keys; the limit is {MaxKeys}.", parameterName);
        }

        foreach ((string key, string value) in metadata)
        {
            ValidateKey(key, parameterName);
            if (string.IsNullOrEmpty(value))
            {
                throw new ArgumentException($"The metadata value of '{key}' is empty; leave the key out instead.", parameterName);
            }

            if (value.Length > MaxValueLength)
            {
                throw new ArgumentException($"The metadata value of '{key}' is {value.Length} characters long; the limit is {MaxValueLength}.", parameterName);
            }

            foreach (char c in value)
            {
                if (char.IsControl(c))
                {
                    throw new ArgumentException($"The metadata value of '{key}' contains a control character.", parameterName);
                }
            }
        }
    }

    /// <summary>Rejects a key that is empty, too long, or has a character other than ASCII letters, digits, <c>_</c>, <c>-</c> and <c>.</c>.</summary>
    /// <param name="key">The key.</param>
    /// <param name="parameterName">The parameter the key belongs to.</param>
    /// <exception cref="ArgumentException">The key is malformed.</exception>
    public static void ValidateKey(string? key, string parameterName)
    {
        if (string.IsNullOrEmpty(key))
        {
            throw new ArgumentException("A metadata key is empty.", parameterName);
        }

        if (key.Length > MaxKeyLength)
        {
            throw new ArgumentException($"The metadata key '{key[..MaxKeyLength]}…' is {key.Length} characters long; the limit is {MaxKeyLength}.", parameterName);
        }

        foreach (char c in key)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('_' or '-' or '.'))
            {
                throw new ArgumentException($"The metadata key '{key}' may hold only ASCII letters, digits, '_', '-' and '.'.", parameterName);
            }
        }
    }

    /// <summary>Copies metadata into an immutable, ordinal-keyed dictionary; <see cref="Empty"/> for none.</summary>
    /// <param name="metadata">The metadata.</param>
    /// <returns>The copy.</returns>
    public static IReadOnlyDictionary<string, string> Freeze(IReadOnlyDictionary<string, string>? metadata)
        => metadata is null || metadata.Count == 0 ? Empty : metadata.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Merges two sets of metadata; a key in <paramref name="later"/> wins.</summary>
    /// <param name="earlier">The earlier metadata.</param>
    /// <param name="later">The later metadata.</param>
    /// <returns>The merged metadata.</returns>
    public static IReadOnlyDictionary<string, string> Merge(IReadOnlyDictionary<string, string>? earlier, IReadOnlyDictionary<string, string>? later)
    {
        if (later is null || later.Count == 0)
        {
            return Freeze(earlier);
        }

        if (earlier is null || earlier.Count == 0)
        {
            return Freeze(later);
        }

        var merged = new Dictionary<string, string>(earlier, StringComparer.Ordinal);
        foreach ((string key, string value) in later)
        {
            merged[key] = value;
        }

        return merged.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>Compares two sets of metadata by their keys and values (ordinal).</summary>
    /// <param name="left">One set; <see langword="null"/> is empty.</param>
    /// <param name="right">The other; <see langword="null"/> is empty.</param>
    /// <returns><see langword="true"/> when they hold the same pairs.</returns>
    public static bool AreEqual(IReadOnlyDictionary<string, string>? left, IReadOnlyDictionary<string, string>? right)
    {
        int leftCount = left?.Count ?? 0;
        if (leftCount != (right?.Count ?? 0))
        {
            return false;
        }

        if (leftCount == 0)
        {
            return true;
        }

        foreach ((string key, string value) in left!)
        {
            if (!right!.TryGetValue(key, out string? other) || !string.Equals(value, other, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
