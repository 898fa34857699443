namespace Penchant.Storage;

/// <summary>What a store knows about one user at a glance: how much it holds and when the user was last active.</summary>
/// <param name="UserId">The user identifier.</param>
/// <param name="Preferences">The number of current preferences (not superseded).</param>
/// <param name="AllPreferences">The number of stored preferences, superseded ones included.</param>
/// <param name="Events">The number of events in the user's log (forgotten ones stay as redacted entries).</param>
/// <param name="LastActivity">When the user's last event happened, or <see langword="null"/> if the log is empty.</param>
public sealed record UserSummary(string UserId, int Preferences, int AllPreferences, long Events, DateTimeOffset? LastActivity);
