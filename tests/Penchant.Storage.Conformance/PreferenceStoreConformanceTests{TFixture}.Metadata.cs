using Penchant.Domain;
using Penchant.Signals;
using static Penchant.Storage.Conformance.StoreTestData;

namespace Penchant.Storage.Conformance;

/// <content>Metadata and expiry: stored with events and preferences, erased on redaction, and the expiry index the sweep reads.</content>
public abstract partial class PreferenceStoreConformanceTests<TFixture>
{
    private static readonly IReadOnlyDictionary<string, string> Mail = new Dictionary<string, string> { ["app"] = "mail", ["source"] = "settings" };

    /// <summary>An event's metadata and expiry come back from both reads, the expiry with its offset.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task CommitAsync_EventMetadataAndExpiry_RoundTrip()
    {
        DateTimeOffset expires = At.AddDays(7).ToOffset(TimeSpan.FromHours(-5));
        PreferenceEvent written = Event("e1") with { Metadata = Mail, ExpiresAt = expires };

        await Store.CommitAsync(Alice, new UserChange { Append = [written, Event("e2")] }, Ct);

        List<PreferenceEvent> read = await ToListAsync(Store.ReadEventsAsync(Alice, 0, Ct), Ct);
        IReadOnlyList<PreferenceEvent> found = await Store.FindEventsAsync(Alice, ["e1"], Ct);
        foreach (PreferenceEvent e1 in new[] { read[0], found[0] })
        {
            Assert.Equal(Mail.OrderBy(static p => p.Key), e1.Metadata.OrderBy(static p => p.Key));
            AssertSameInstant(expires, e1.ExpiresAt!.Value);
        }

        Assert.Empty(read[1].Metadata);
        Assert.Null(read[1].ExpiresAt);
    }

    /// <summary>A preference's metadata and expiry come back, and an upsert that clears them clears them.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task CommitAsync_PreferenceMetadataAndExpiry_RoundTripAndClear()
    {
        DateTimeOffset expires = At.AddHours(36);
        await Store.CommitAsync(Alice, new UserChange { Upsert = [Preference("p1") with { Metadata = Mail, ExpiresAt = expires }] }, Ct);

        Preference stored = (await Store.GetStateAsync(Alice, Ct)).Preferences.Single();
        Assert.Equal("mail", stored.Metadata["app"]);
        Assert.Equal("settings", stored.Metadata["source"]);
        AssertSameInstant(expires, stored.ExpiresAt!.Value);

        await Store.CommitAsync(Alice, new UserChange { Upsert = [Preference("p1")] }, Ct);
        Preference cleared = (await Store.GetStateAsync(Alice, Ct)).Preferences.Single();
        Assert.Empty(cleared.Metadata);
        Assert.Null(cleared.ExpiresAt);
    }

    /// <summary>Redacting an event erases its metadata with its text (metadata may hold user content); the expiry stays.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task CommitAsync_Redact_ErasesEventMetadata()
    {
        await Store.CommitAsync(Alice, new UserChange { Append = [Event("e1") with { Metadata = Mail, ExpiresAt = At.AddDays(1) }] }, Ct);

        await Store.CommitAsync(Alice, new UserChange { ExpectedVersion = 1, Redact = ["e1"] }, Ct);

        PreferenceEvent redacted = (await ToListAsync(Store.ReadEventsAsync(Alice, 0, Ct), Ct)).Single();
        Assert.True(redacted.Redacted);
        Assert.Empty(redacted.Metadata);
    }

    /// <summary>
    /// The sweep's query finds exactly the users, of any tenant, with a preference (current or superseded) expired by the
    /// given moment: not one that expires later, not one that never expires, not one whose expired preference was deleted.
    /// </summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task ListUsersWithExpiredPreferencesAsync_FindsOnlyUsersWithExpiredPreferences()
    {
        DateTimeOffset now = At.AddDays(10);
        UserKey expired = UserKey.Create("expiry-a", "expired");
        UserKey expiredSuperseded = UserKey.Create("expiry-b", "superseded");
        UserKey later = UserKey.Create("expiry-a", "later");
        UserKey never = UserKey.Create("expiry-a", "never");
        UserKey deleted = UserKey.Create("expiry-b", "deleted");
        await Store.CommitAsync(expired, new UserChange { Upsert = [Preference("p1") with { ExpiresAt = now.AddSeconds(-1) }, Preference("p2") with { ExpiresAt = now.AddMinutes(-5) }] }, Ct);
        await Store.CommitAsync(expiredSuperseded, new UserChange { Upsert = [Preference("p1") with { ExpiresAt = now.ToOffset(TimeSpan.FromHours(9)), SupersededBy = "p2" }, Preference("p2")] }, Ct);
        await Store.CommitAsync(later, new UserChange { Upsert = [Preference("p1") with { ExpiresAt = now.AddSeconds(1) }] }, Ct);
        await Store.CommitAsync(never, new UserChange { Upsert = [Preference("p1")] }, Ct);
        await Store.CommitAsync(deleted, new UserChange { Upsert = [Preference("p1") with { ExpiresAt = now.AddDays(-1) }] }, Ct);
        await Store.CommitAsync(deleted, new UserChange { Delete = ["p1"] }, Ct);

        List<UserKey> found = await ToListAsync(Store.ListUsersWithExpiredPreferencesAsync(now, Ct), Ct);

        Assert.Contains(expired, found);
        Assert.Contains(expiredSuperseded, found);
        Assert.DoesNotContain(later, found);
        Assert.DoesNotContain(never, found);
        Assert.DoesNotContain(deleted, found);
        Assert.Single(found, u => u == expired);
    }
}
