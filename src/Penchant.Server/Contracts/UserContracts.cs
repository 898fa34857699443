using Penchant.Storage;

namespace Penchant.Server.Contracts;

/// <summary>One user at a glance: counts and last activity.</summary>
/// <param name="UserId">The user identifier.</param>
/// <param name="Preferences">The number of current preferences.</param>
/// <param name="AllPreferences">The number of stored preferences, superseded ones included.</param>
/// <param name="Events">The number of events in the user's log (forgotten ones stay as redacted entries).</param>
/// <param name="LastActivity">When the user's last event happened, or <see langword="null"/> if none.</param>
public sealed record UserSummaryContract(string UserId, int Preferences, int AllPreferences, long Events, DateTimeOffset? LastActivity)
{
    /// <summary>Converts a store's summary.</summary>
    /// <param name="summary">The summary.</param>
    /// <returns>The contract.</returns>
    public static UserSummaryContract From(UserSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return new UserSummaryContract(summary.UserId, summary.Preferences, summary.AllPreferences, summary.Events, summary.LastActivity);
    }
}

/// <summary>One page of a tenant's users.</summary>
/// <param name="Users">The users, in the order of their identifiers.</param>
/// <param name="NextCursor">Pass as <c>cursor</c> to get the next page; <see langword="null"/> on the last page.</param>
public sealed record UserPageResponse(IReadOnlyList<UserSummaryContract> Users, string? NextCursor);
