namespace Penchant.AI;

/// <summary>Where the preference block goes among the messages sent to the model.</summary>
public enum PreferencePlacement
{
    /// <summary>A new system message right after the caller's leading system messages (or first, when there are none).</summary>
    AfterSystemMessages = 0,

    /// <summary>A new system message right before the last user message.</summary>
    BeforeLastUserMessage = 1,

    /// <summary>A new system message before every other message.</summary>
    First = 2,
}
