using System.Collections.Frozen;

namespace Penchant.Domain;

/// <summary>
/// A filter on metadata (see <see cref="PreferenceMetadata"/>): each named key must have one of the listed values. Parsed
/// from query parameters such as <c>metadata.app=mail&amp;metadata.source=settings</c>; the service applies it to listing,
/// selecting, searching and exporting.
/// </summary>
/// <remarks>Immutable and thread-safe. Keys are compared ordinally, values exactly.</remarks>
public sealed class MetadataFilter
{
    /// <summary>The prefix that marks a query parameter as a metadata condition.</summary>
    public const string QueryPrefix = "metadata.";

    private readonly FrozenDictionary<string, string[]> _conditions;

    private MetadataFilter(FrozenDictionary<string, string[]> conditions) => _conditions = conditions;

    /// <summary>Gets the filter that lets everything through.</summary>
    public static MetadataFilter None { get; } = new(FrozenDictionary<string, string[]>.Empty);

    /// <summary>Gets the conditions: for each key, the values it may have.</summary>
    public IReadOnlyDictionary<string, string[]> Conditions => _conditions;

    /// <summary>Gets a value indicating whether the filter lets everything through.</summary>
    public bool IsEmpty => _conditions.Count == 0;

    /// <summary>Creates a filter that requires each key to have the given value.</summary>
    /// <param name="required">The key/value pairs.</param>
    /// <returns>The filter.</returns>
    /// <exception cref="ArgumentException">A key or value breaks the limits of <see cref="PreferenceMetadata"/>.</exception>
    public static MetadataFilter Of(IReadOnlyDictionary<string, string> required)
    {
        ArgumentNullException.ThrowIfNull(required);
        PreferenceMetadata.Validate(required, nameof(required));
        return required.Count == 0 ? None : new(required.ToFrozenDictionary(static p => p.Key, static p => new[] { p.Value }, StringComparer.Ordinal));
    }

    /// <summary>
    /// Reads the conditions from query parameters: every parameter named <c>metadata.&lt;key&gt;</c> is one; a key given
    /// twice accepts either value. Other parameters are ignored.
    /// </summary>
    /// <param name="query">The query parameters, each with its values.</param>
    /// <returns>The filter; <see cref="None"/> when no parameter is a condition.</returns>
    /// <exception cref="ArgumentException">A key or value is malformed or empty, or there are more than <see cref="PreferenceMetadata.MaxKeys"/> keys.</exception>
    public static MetadataFilter Parse(IEnumerable<KeyValuePair<string, IReadOnlyList<string?>>> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        Dictionary<string, List<string>>? conditions = null;
        foreach ((string name, IReadOnlyList<string?> values) in query)
        {
            if (!name.StartsWith(QueryPrefix, StringComparison.Ordinal))
            {
                continue;
            }

            string key = name[QueryPrefix.Length..];
            PreferenceMetadata.ValidateKey(key, nameof(query));
            conditions ??= new(StringComparer.Ordinal);
            if (!conditions.TryGetValue(key, out List<string>? accepted))
            {
                accepted = [];
                conditions[key] = accepted;
            }

            foreach (string? value in values)
            {
                PreferenceMetadata.Validate(new Dictionary<string, string>(1) { [key] = value ?? string.Empty }, nameof(query));
                accepted.Add(value!);
            }

            if (accepted.Count == 0)
            {
                throw new ArgumentException($"The metadata filter '{name}' has no value; write {name}=<value>.", nameof(query));
            }
        }

        if (conditions is null)
        {
            return None;
        }

        if (conditions.Count > PreferenceMetadata.MaxKeys)
        {
            throw new ArgumentException($"The metadata filter names {conditions.Count} keys; the limit is {PreferenceMetadata.MaxKeys}.", nameof(query));
        }

        return new(conditions.ToFrozenDictionary(static p => p.Key, static p => p.Value.ToArray(), StringComparer.Ordinal));
    }

    /// <summary>Tells whether metadata passes the filter: every condition's key is present with one of its values.</summary>
    /// <param name="metadata">The metadata; <see langword="null"/> is empty.</param>
    /// <returns><see langword="true"/> when it passes.</returns>
    public bool Matches(IReadOnlyDictionary<string, string>? metadata)
    {
        if (_conditions.Count == 0)
        {
            return true;
        }

        if (metadata is null)
        {
            return false;
        }

        foreach ((string key, string[] values) in _conditions)
        {
            if (!metadata.TryGetValue(key, out string? value) || Array.IndexOf(values, value) < 0)
            {
                return false;
            }
        }

        return true;
    }
}
