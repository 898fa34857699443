namespace Penchant.Webhooks;

/// <summary>The event types a webhook may subscribe to.</summary>
public static class WebhookEvents
{
    /// <summary>A write created a preference.</summary>
    public const string PreferenceCreated = "preference.created";

    /// <summary>A write retired a preference because a newer statement revised or reversed it.</summary>
    public const string PreferenceSuperseded = "preference.superseded";

    /// <summary>A preference was forgotten (deleted, its source text erased).</summary>
    public const string PreferenceForgotten = "preference.forgotten";

    /// <summary>Everything stored about a user was deleted.</summary>
    public const string UserForgotten = "user.forgotten";

    /// <summary>Gets every event type, in the order above.</summary>
    public static IReadOnlyList<string> All { get; } = [PreferenceCreated, PreferenceSuperseded, PreferenceForgotten, UserForgotten];
}
