using System.Globalization;
using System.Text.Json;
using Penchant.Deciding;

namespace Penchant.Server.Contracts;

/// <summary>
/// Reads features from JSON as Personalizer and Vowpal Wabbit do: a string is a category (<c>name=value</c> with value 1), a
/// number is numeric, a boolean a category, a nested object prefixes its names with <c>parent.</c>, an array is indexed
/// (<c>name[i]</c>); nulls are skipped.
/// </summary>
internal static class FeatureJson
{
    /// <summary>Reads the features of one JSON value (an object, or absent).</summary>
    /// <exception cref="ArgumentException">The value is not an object, or it holds more than <paramref name="limit"/> features.</exception>
    public static IReadOnlyList<Feature> Read(JsonElement? element, int limit, string parameterName)
    {
        var features = new List<Feature>();
        if (element is { ValueKind: not JsonValueKind.Null and not JsonValueKind.Undefined } value)
        {
            if (value.ValueKind != JsonValueKind.Object)
            {
                throw new ArgumentException($"'{parameterName}' is a JSON object of features.", parameterName);
            }

            Add(features, value, null, limit, parameterName);
        }

        return features;
    }

    /// <summary>Reads the features of a list of JSON objects (Personalizer's <c>contextFeatures</c> and action <c>features</c>).</summary>
    /// <exception cref="ArgumentException">An item is not an object, or there are more than <paramref name="limit"/> features.</exception>
    public static IReadOnlyList<Feature> ReadList(IReadOnlyList<JsonElement>? elements, int limit, string parameterName)
    {
        var features = new List<Feature>();
        foreach (JsonElement element in elements ?? [])
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                throw new ArgumentException($"Every item of '{parameterName}' is a JSON object of features.", parameterName);
            }

            Add(features, element, null, limit, parameterName);
        }

        return features;
    }

    private static void Add(List<Feature> features, JsonElement value, string? name, int limit, string parameterName)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (JsonProperty property in value.EnumerateObject())
                {
                    Add(features, property.Value, name is null ? property.Name : $"{name}.{property.Name}", limit, parameterName);
                }

                return;
            case JsonValueKind.Array:
                int index = 0;
                foreach (JsonElement item in value.EnumerateArray())
                {
                    Add(features, item, string.Create(CultureInfo.InvariantCulture, $"{name}[{index++}]"), limit, parameterName);
                }

                return;
            case JsonValueKind.Null or JsonValueKind.Undefined:
                return;
        }

        if (features.Count >= limit)
        {
            throw new ArgumentException($"'{parameterName}' has more than {limit} features.", parameterName);
        }

        string key = name ?? throw new ArgumentException($"'{parameterName}' holds a value without a name.", parameterName);
        features.Add(value.ValueKind switch
        {
            JsonValueKind.Number => new Feature(key, value.GetDouble()),
            JsonValueKind.True => Feature.Category(key, "true"),
            JsonValueKind.False => Feature.Category(key, "false"),
            _ => Feature.Category(key, value.GetString()!),
        });
    }
}
