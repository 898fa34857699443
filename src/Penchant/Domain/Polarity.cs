namespace Penchant.Domain;

/// <summary>Whether a preference asks for something or asks to avoid it.</summary>
public enum Polarity
{
    /// <summary>A fact or rule with no direction (for example "I live in Lyon").</summary>
    Neutral = 0,

    /// <summary>The user wants this ("I prefer aisle seats").</summary>
    Positive = 1,

    /// <summary>The user wants to avoid this ("no emojis in emails to my boss").</summary>
    Negative = 2,
}
