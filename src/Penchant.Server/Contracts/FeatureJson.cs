using Penchant.Deciding;

namespace Penchant.Server.Contracts;

/// <summary>
/// Takes the features a request's JSON named (<see cref="FeatureObject"/>, read as Personalizer and Vowpal Wabbit read them by
/// <see cref="FeatureObjectConverter"/>) and refuses what a route cannot use, in the route's words: a value that is not an
/// object, or more features than the limit.
/// </summary>
internal static class FeatureJson
{
    /// <summary>Takes the features of one JSON value (an object, or absent).</summary>
    /// <exception cref="ArgumentException">The value is not an object, or it holds more than <paramref name="limit"/> features.</exception>
    public static IReadOnlyList<Feature> Read(FeatureObject? value, int limit, string parameterName)
    {
        if (value is null)
        {
            return [];
        }

        if (!value.IsObject)
        {
            throw new ArgumentException($"'{parameterName}' is a JSON object of features.", parameterName);
        }

        return value.Features.Count > limit ? throw TooMany(limit, parameterName) : value.Features;
    }

    /// <summary>Takes the features of a list of JSON objects (Personalizer's <c>contextFeatures</c> and action <c>features</c>).</summary>
    /// <exception cref="ArgumentException">An item is not an object, or there are more than <paramref name="limit"/> features.</exception>
    public static IReadOnlyList<Feature> ReadList(IReadOnlyList<FeatureObject?>? values, int limit, string parameterName)
    {
        if (values is null || values.Count == 0)
        {
            return [];
        }

        if (values.Count == 1 && values[0] is { IsObject: true } single)
        {
            return single.Features.Count > limit ? throw TooMany(limit, parameterName) : single.Features;
        }

        var features = new List<Feature>();
        foreach (FeatureObject? value in values)
        {
            if (value is not { IsObject: true })
            {
                throw new ArgumentException($"Every item of '{parameterName}' is a JSON object of features.", parameterName);
            }

            if (features.Count + value.Features.Count > limit)
            {
                throw TooMany(limit, parameterName);
            }

            features.AddRange(value.Features);
        }

        return features;
    }

    private static ArgumentException TooMany(int limit, string parameterName) => new($"'{parameterName}' has more than {limit} features.", parameterName);
}
