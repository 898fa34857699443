using Penchant.Domain;
using static Penchant.Storage.Conformance.StoreTestData;

namespace Penchant.Storage.Conformance;

/// <content>User summaries: counts, last activity, keyset paging and tenant isolation.</content>
public abstract partial class PreferenceStoreConformanceTests<TFixture>
{
    /// <summary>A summary counts current and superseded preferences and events, and dates the user's last event.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task GetUserSummaryAsync_UserWithHistory_CountsAndLastActivity()
    {
        // Arrange
        var user = UserKey.Create("acme", "sam");
        DateTimeOffset later = At.AddDays(2);
        await Store.CommitAsync(user, new UserChange { Append = [Event("e1"), Event("e2")], Upsert = [Preference("p1"), Preference("p2", "prefers window seats") with { SupersededBy = "p3" }, Preference("p3", "prefers window seats now")] }, Ct);
        await Store.CommitAsync(user, new UserChange { ExpectedVersion = 2, Append = [Event("e3") with { At = later }] }, Ct);

        // Act
        UserSummary? summary = await Store.GetUserSummaryAsync(user, Ct);
        UserSummary? missing = await Store.GetUserSummaryAsync(UserKey.Create("acme", "nobody"), Ct);
        UserSummary? otherTenant = await Store.GetUserSummaryAsync(UserKey.Create("globex", "sam"), Ct);

        // Assert
        Assert.NotNull(summary);
        Assert.Equal("sam", summary.UserId);
        Assert.Equal(2, summary.Preferences);
        Assert.Equal(3, summary.AllPreferences);
        Assert.Equal(3, summary.Events);
        Assert.NotNull(summary.LastActivity);
        AssertSameInstant(later, summary.LastActivity.Value);
        Assert.Null(missing);
        Assert.Null(otherTenant);
    }

    /// <summary>
    /// Pages of summaries cover every user of the tenant once, in order, never another tenant's; a user added before the
    /// cursor between two pages does not shift the pages after it; the text filter matches part of an identifier.
    /// </summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task ListUserSummariesAsync_Pages_StableAndIsolated()
    {
        // Arrange: seven users in acme, two in globex with names that would interleave.
        string[] acme = ["u01", "u02", "u03", "u04", "u05", "u06", "u07"];
        foreach (string id in acme)
        {
            await Store.CommitAsync(UserKey.Create("acme", id), new UserChange { Append = [Event("e1")], Upsert = [Preference("p1")] }, Ct);
        }

        await Store.CommitAsync(UserKey.Create("globex", "u03b"), new UserChange { Append = [Event("e1")] }, Ct);
        await Store.CommitAsync(UserKey.Create("globex", "u00"), new UserChange { Append = [Event("e1")] }, Ct);

        // Act: page through by three, adding a user before the cursor after the first page.
        var seen = new List<string>();
        IReadOnlyList<UserSummary> page = await Store.ListUserSummariesAsync("acme", null, 3, null, Ct);
        seen.AddRange(page.Select(static s => s.UserId));
        await Store.CommitAsync(UserKey.Create("acme", "u00"), new UserChange { Append = [Event("e1")] }, Ct);
        while (page.Count == 3)
        {
            page = await Store.ListUserSummariesAsync("acme", seen[^1], 3, null, Ct);
            seen.AddRange(page.Select(static s => s.UserId));
        }

        IReadOnlyList<UserSummary> filtered = await Store.ListUserSummariesAsync("acme", null, 10, "0", Ct);
        IReadOnlyList<UserSummary> narrow = await Store.ListUserSummariesAsync("acme", null, 10, "u05", Ct);
        IReadOnlyList<UserSummary> globex = await Store.ListUserSummariesAsync("globex", null, 10, null, Ct);

        // Assert
        Assert.Equal(acme, seen);
        Assert.All(seen.Take(3), static id => Assert.StartsWith("u0", id, StringComparison.Ordinal));
        Assert.Equal(["u00", .. acme], filtered.Select(static s => s.UserId));
        Assert.Equal("u05", Assert.Single(narrow).UserId);
        Assert.Equal(1, narrow[0].Preferences);
        Assert.Equal(["u00", "u03b"], globex.Select(static s => s.UserId));
        Assert.Equal(0, globex[0].Preferences);
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.ListUserSummariesAsync("acme", null, 0, null, Ct));
    }

    /// <summary>A deleted user disappears from the summaries.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task ListUserSummariesAsync_DeletedUser_Gone()
    {
        var user = UserKey.Create("acme", "gone");
        await Store.CommitAsync(user, new UserChange { Append = [Event("e1")] }, Ct);
        Assert.True(await Store.DeleteUserAsync(user, Ct));

        Assert.Empty(await Store.ListUserSummariesAsync("acme", null, 10, null, Ct));
        Assert.Null(await Store.GetUserSummaryAsync(user, Ct));
    }
}
