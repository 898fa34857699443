namespace Penchant.Domain;

/// <summary>What sort of knowledge a preference records.</summary>
public enum PreferenceKind
{
    /// <summary>A like or dislike ("I prefer window seats").</summary>
    Preference = 0,

    /// <summary>A standing instruction with a condition ("when I book flights, pick an aisle seat").</summary>
    Rule = 1,

    /// <summary>A fact about the user that changes what is appropriate ("I'm allergic to latex").</summary>
    Fact = 2,
}
