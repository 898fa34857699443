namespace Penchant.Deciding;

/// <summary>
/// One feature of a decision's context or of an action: a name and a numeric value. A categorical feature is its
/// name and value joined with '=' and the value 1 (<see cref="Category"/>), as Personalizer and Vowpal Wabbit read strings.
/// </summary>
/// <param name="Name">The name (1 to 256 characters).</param>
/// <param name="Value">The value (finite).</param>
public readonly record struct Feature(string Name, double Value)
{
    /// <summary>The longest feature name accepted.</summary>
    public const int MaxNameLength = 256;

    /// <summary>Creates the categorical feature <c>name=value</c> with the value 1.</summary>
    /// <param name="name">The feature's name.</param>
    /// <param name="value">The category.</param>
    /// <returns>The feature.</returns>
    public static Feature Category(string name, string value) => new($"{name}={value}", 1.0);
}
