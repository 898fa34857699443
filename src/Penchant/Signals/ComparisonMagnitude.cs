namespace Penchant.Signals;

/// <summary>How much better the preferred response of a <see cref="Comparison"/> was.</summary>
public enum ComparisonMagnitude
{
    /// <summary>Neither was better.</summary>
    Tie = 0,

    /// <summary>Slightly better.</summary>
    Slightly = 1,

    /// <summary>Clearly better.</summary>
    Clearly = 2,

    /// <summary>Much better.</summary>
    Much = 3,
}
