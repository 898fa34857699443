namespace Penchant.Signals;

/// <summary>How the user took an answer, read from their next message.</summary>
public enum ReactionLabel
{
    /// <summary>Neither satisfied nor dissatisfied: a follow-up, a new topic, small talk.</summary>
    Neutral = 0,

    /// <summary>Thanks, praise or acceptance.</summary>
    Satisfied = 1,

    /// <summary>A correction, a complaint, "that's wrong", "shorter please", or the request asked again in other words.</summary>
    Dissatisfied = 2,
}
