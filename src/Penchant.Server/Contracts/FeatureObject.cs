using System.Text.Json.Serialization;
using Penchant.Deciding;

namespace Penchant.Server.Contracts;

/// <summary>
/// The features of a decision's context or action, read straight from one JSON value as Personalizer and Vowpal Wabbit read
/// them (see <see cref="FeatureJson"/>): the JSON is never kept, only the features it names.
/// </summary>
/// <remarks>The CLI compiles this file too (<c>penchant decide</c> reads the same bodies), where the type is internal.</remarks>
[JsonConverter(typeof(FeatureObjectConverter))]
#if PENCHANT_CLI
internal
#else
public
#endif
sealed class FeatureObject
{
    /// <summary>Initializes a new instance of the <see cref="FeatureObject"/> class.</summary>
    /// <param name="features">The features read.</param>
    /// <param name="isObject">Whether the JSON value was an object (anything else holds no features, and is refused by the route).</param>
    public FeatureObject(IReadOnlyList<Feature> features, bool isObject)
    {
        ArgumentNullException.ThrowIfNull(features);
        Features = features;
        IsObject = isObject;
    }

    /// <summary>Gets the features read, in the order of the JSON.</summary>
    public IReadOnlyList<Feature> Features { get; }

    /// <summary>Gets a value indicating whether the JSON value was an object.</summary>
    public bool IsObject { get; }
}
