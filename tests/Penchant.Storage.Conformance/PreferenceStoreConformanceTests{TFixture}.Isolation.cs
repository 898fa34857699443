using Penchant.Domain;
using static Penchant.Storage.Conformance.StoreTestData;

namespace Penchant.Storage.Conformance;

/// <content>Tenant isolation, user deletion and listing.</content>
public abstract partial class PreferenceStoreConformanceTests<TFixture>
{
    /// <summary>The same user identifier in two tenants names two users whose logs, versions and preferences never mix.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task CommitAsync_SameUserIdInTwoTenants_NeverMix()
    {
        var acme = UserKey.Create("acme", "sam");
        var globex = UserKey.Create("globex", "sam");
        await Store.CommitAsync(acme, new UserChange { Append = [Event("e1", "acme text")], Upsert = [Preference("p1", "acme preference")] }, Ct);
        await Store.CommitAsync(globex, new UserChange { Append = [Event("e1", "globex text"), Event("e2")], Upsert = [Preference("p2", "globex preference")] }, Ct);

        // The same event id is allowed in the other tenant, and versions are independent.
        await Store.CommitAsync(acme, new UserChange { ExpectedVersion = 1, Append = [Event("e2")] }, Ct);
        await Assert.ThrowsAsync<ConcurrencyException>(() => Store.CommitAsync(globex, new UserChange { ExpectedVersion = 1, Append = [Event("e3")] }, Ct));

        var acmeState = await Store.GetStateAsync(acme, Ct);
        var globexState = await Store.GetStateAsync(globex, Ct);
        Assert.Equal(2, acmeState.Version);
        Assert.Equal(2, globexState.Version);
        Assert.Equal("acme preference", Assert.Single(acmeState.Preferences).Text);
        Assert.Equal("globex preference", Assert.Single(globexState.Preferences).Text);
        Assert.Equal("acme text", (await ToListAsync(Store.ReadEventsAsync(acme, 0, Ct), Ct))[0].Text);
        Assert.Equal("globex text", (await ToListAsync(Store.ReadEventsAsync(globex, 0, Ct), Ct))[0].Text);
        Assert.Equal(["sam"], await ToListAsync(Store.ListUsersAsync("acme", Ct), Ct));
        Assert.Equal(["sam"], await ToListAsync(Store.ListUsersAsync("globex", Ct), Ct));
    }

    /// <summary>
    /// Two tenants writing with the same idempotency key (so the same derived event and preference identifiers) both keep
    /// their write; neither reads the other's, and a retry with the key is a duplicate only in its own tenant.
    /// </summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task CommitAsync_TwoTenantsSameIdempotencyKey_BothKeptNeitherSeesTheOther()
    {
        // Arrange: identifiers as an engine derives them from one idempotency key.
        var acme = UserKey.Create("acme", "sam");
        var globex = UserKey.Create("globex", "sam");
        string[] ids = ["ev_key42_0", "ev_key42_1"];

        // Act
        await Store.CommitAsync(acme, new UserChange { Append = [Event(ids[0], "acme one"), Event(ids[1], "acme two")], Upsert = [Preference("pref_key42", "acme preference", ids[0])] }, Ct);
        await Store.CommitAsync(globex, new UserChange { Append = [Event(ids[0], "globex one")], Upsert = [Preference("pref_key42", "globex preference", ids[0])] }, Ct);
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.CommitAsync(acme, new UserChange { ExpectedVersion = 2, Append = [Event(ids[0], "acme retry")] }, Ct));

        // Assert: each tenant holds exactly its own write.
        Assert.Equal(["acme one", "acme two"], (await ToListAsync(Store.ReadEventsAsync(acme, 0, Ct), Ct)).Select(static e => e.Text));
        Assert.Equal(["globex one"], (await ToListAsync(Store.ReadEventsAsync(globex, 0, Ct), Ct)).Select(static e => e.Text));
        Assert.Equal(["acme one", "acme two"], (await Store.FindEventsAsync(acme, ids, Ct)).Select(static e => e.Text));
        Assert.Equal(["globex one"], (await Store.FindEventsAsync(globex, ids, Ct)).Select(static e => e.Text));
        Assert.Equal("acme preference", Assert.Single((await Store.GetStateAsync(acme, Ct)).Preferences).Text);
        Assert.Equal("globex preference", Assert.Single((await Store.GetStateAsync(globex, Ct)).Preferences).Text);
        Assert.Equal(new LogPosition(2, ids[1]), await Store.GetLogPositionAsync(acme, Ct));
        Assert.Equal(new LogPosition(1, ids[0]), await Store.GetLogPositionAsync(globex, Ct));

        // Deleting one tenant's user leaves the other's write whole.
        Assert.True(await Store.DeleteUserAsync(acme, Ct));
        Assert.Equal("globex one", Assert.Single(await Store.FindEventsAsync(globex, ids, Ct)).Text);
    }

    /// <summary>Tenant and user identifiers match exactly: case and a prefix make different keys.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task GetStateAsync_SimilarKeys_DoNotMatch()
    {
        await Store.CommitAsync(UserKey.Create("acme", "alice"), new UserChange { Append = [Event("e1")] }, Ct);

        Assert.Equal(0, (await Store.GetStateAsync(UserKey.Create("ACME", "alice"), Ct)).Version);
        Assert.Equal(0, (await Store.GetStateAsync(UserKey.Create("acme", "Alice"), Ct)).Version);
        Assert.Equal(0, (await Store.GetStateAsync(UserKey.Create("acm", "ealice"), Ct)).Version);
        Assert.Equal(0, (await Store.GetStateAsync(UserKey.Create("acme", "alic"), Ct)).Version);
    }

    /// <summary>Deleting a user removes their events, preferences and version; they can start over from version 0.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task DeleteUserAsync_ExistingUser_RemovesEverything()
    {
        await Store.CommitAsync(Alice, new UserChange { Append = [Event("e1"), Event("e2")], Upsert = [Preference("a"), Preference("b")] }, Ct);

        Assert.True(await Store.DeleteUserAsync(Alice, Ct));

        var state = await Store.GetStateAsync(Alice, Ct);
        Assert.Equal(0, state.Version);
        Assert.Empty(state.Preferences);
        Assert.Empty(await ToListAsync(Store.ReadEventsAsync(Alice, 0, Ct), Ct));
        Assert.Empty(await ToListAsync(Store.ListUsersAsync(Alice.TenantId, Ct), Ct));
        Assert.False(await Store.DeleteUserAsync(Alice, Ct));

        var appended = await Store.CommitAsync(Alice, new UserChange { ExpectedVersion = 0, Append = [Event("e1")] }, Ct);
        Assert.Equal(1, Assert.Single(appended).Sequence);
    }

    /// <summary>Deleting a user in one tenant leaves the same user id in another tenant, and other users of the tenant, untouched.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task DeleteUserAsync_InOneTenant_LeavesOtherTenantAndUsers()
    {
        var otherTenant = UserKey.Create("globex", Alice.UserId);
        foreach (var user in new[] { Alice, Bob, otherTenant })
        {
            await Store.CommitAsync(user, new UserChange { Append = [Event("e1")], Upsert = [Preference("a")] }, Ct);
        }

        Assert.True(await Store.DeleteUserAsync(Alice, Ct));

        foreach (var user in new[] { Bob, otherTenant })
        {
            var state = await Store.GetStateAsync(user, Ct);
            Assert.Equal(1, state.Version);
            Assert.Single(state.Preferences);
            Assert.Single(await ToListAsync(Store.ReadEventsAsync(user, 0, Ct), Ct));
        }

        Assert.Equal(["bob"], await ToListAsync(Store.ListUsersAsync("acme", Ct), Ct));
        Assert.Equal(["alice"], await ToListAsync(Store.ListUsersAsync("globex", Ct), Ct));
    }

    /// <summary>Listing returns exactly the tenant's users that have events, in ordinal (UTF-16 code unit) order.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task ListUsersAsync_ReturnsTenantUsersWithEventsInOrdinalOrder()
    {
        // Ordinal order differs from culture order (upper case first) and from UTF-8 byte order (U+FF21 vs. an emoji).
        string[] users = ["bob", "\uFF21lpha", "alice", "Zed", "émile", "😀"];
        foreach (string id in users)
        {
            await Store.CommitAsync(UserKey.Create("acme", id), new UserChange { Append = [Event("e1")] }, Ct);
        }

        await Store.CommitAsync(UserKey.Create("acme", "preferences-only"), new UserChange { Upsert = [Preference("a")] }, Ct);
        await Store.CommitAsync(UserKey.Create("globex", "carol"), new UserChange { Append = [Event("e1")] }, Ct);

        var listed = await ToListAsync(Store.ListUsersAsync("acme", Ct), Ct);

        string[] expected = [.. users];
        Array.Sort(expected, StringComparer.Ordinal);
        Assert.Equal(expected, listed);
        Assert.Equal(["Zed", "alice", "bob", "émile", "😀", "\uFF21lpha"], listed);
        Assert.Empty(await ToListAsync(Store.ListUsersAsync("initech", Ct), Ct));
    }
}
