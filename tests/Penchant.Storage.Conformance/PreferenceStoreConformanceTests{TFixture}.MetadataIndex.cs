using Penchant.Domain;
using static Penchant.Storage.Conformance.StoreTestData;

namespace Penchant.Storage.Conformance;

/// <content>
/// Filtered reads through the metadata index: the same answer as reading every preference and filtering, kept up to date by
/// every write in its transaction, emptied by deletion, and separate per tenant and user.
/// </content>
public abstract partial class PreferenceStoreConformanceTests<TFixture>
{
    private static readonly string[] IndexKeys = ["app", "source", "lang"];
    private static readonly string[] IndexValues = ["mail", "calendar", "chat", "settings"];

    /// <summary>
    /// After a history of upserts (with metadata added, changed and cleared), supersessions, deletions and an upsert of one
    /// preference twice in a change, every filter reads exactly what filtering all the preferences gives, in the same order,
    /// with the same log position; and the index holds exactly the stored preferences' metadata.
    /// </summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task GetStateAsync_Filter_EqualsFilteringEveryPreference()
    {
        // Arrange: two users of one tenant with overlapping preference identifiers, and random metadata (fixed seed).
        var random = new Random(19);
        var versions = new Dictionary<UserKey, long> { [Alice] = 0, [Bob] = 0 };
        for (int round = 0; round < 4; round++)
        {
            foreach (UserKey user in new[] { Alice, Bob })
            {
                var upsert = new List<Preference>();
                for (int i = 0; i < 12; i++)
                {
                    int id = random.Next(20);
                    upsert.Add(Preference($"p{id}", $"text {id} round {round}") with
                    {
                        Metadata = RandomMetadata(random),
                        SupersededBy = random.Next(4) == 0 ? $"p{random.Next(20)}" : null,
                    });
                }

                string[] delete = round == 0 ? [] : [$"p{random.Next(20)}", $"p{random.Next(20)}"];
                await Store.CommitAsync(user, new UserChange { ExpectedVersion = versions[user]++, Append = [Event($"e{round}")], Upsert = upsert, Delete = delete }, Ct);
            }
        }

        UserState all = await Store.GetStateAsync(Alice, Ct);
        MetadataFilter[] filters =
        [
            MetadataFilter.Of(new Dictionary<string, string> { ["app"] = "mail" }),
            MetadataFilter.Of(new Dictionary<string, string> { ["app"] = "chat", ["source"] = "settings" }),
            Parse(("app", "mail"), ("app", "calendar")),
            Parse(("lang", "chat"), ("lang", "mail"), ("source", "calendar")),
            MetadataFilter.Of(new Dictionary<string, string> { ["missing"] = "mail" }),
            MetadataFilter.Of(new Dictionary<string, string> { ["app"] = "nothing-has-this" }),
        ];

        int found = 0;
        foreach (MetadataFilter filter in filters)
        {
            // Act
            UserState filtered = await Store.GetStateAsync(Alice, filter, Ct);
            found += filtered.Preferences.Count;

            // Assert
            Assert.Equal(all.Position, filtered.Position);
            Assert.Equal(all.Preferences.Where(p => filter.Matches(p.Metadata)).Select(static p => p.Id), filtered.Preferences.Select(static p => p.Id));
            foreach (Preference p in filtered.Preferences)
            {
                AssertSame(all.Preferences.Single(a => a.Id == p.Id), p);
            }
        }

        Assert.True(found > 3, "The random history should give the filters something to find.");
        UserState none = await Store.GetStateAsync(Alice, MetadataFilter.None, Ct);
        Assert.Equal(all.Preferences.Select(static p => p.Id), none.Preferences.Select(static p => p.Id));
        await AssertIndexHoldsExactlyAsync("acme", Alice, Bob);
    }

    /// <summary>An upsert that changes or clears a preference's metadata changes what filters find; the last of two upserts in one change wins.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task GetStateAsync_Filter_FollowsChangedAndClearedMetadata()
    {
        MetadataFilter mail = MetadataFilter.Of(new Dictionary<string, string> { ["app"] = "mail" });
        await Store.CommitAsync(Alice, new UserChange { Append = [Event("e1")], Upsert = [Preference("p1") with { Metadata = Mail }, Preference("p2") with { Metadata = Mail }] }, Ct);
        Assert.Equal(["p1", "p2"], (await Store.GetStateAsync(Alice, mail, Ct)).Preferences.Select(static p => p.Id));

        await Store.CommitAsync(
            Alice,
            new UserChange
            {
                ExpectedVersion = 1,
                Append = [Event("e2")],
                Upsert =
                [
                    Preference("p1") with { Metadata = new Dictionary<string, string> { ["app"] = "calendar" } },
                    Preference("p2"),
                    Preference("p2") with { Metadata = new Dictionary<string, string> { ["app"] = "mail", ["lang"] = "en" } },
                    Preference("p3") with { Metadata = Mail },
                    Preference("p3"),
                ],
            },
            Ct);

        Assert.Equal(["p2"], (await Store.GetStateAsync(Alice, mail, Ct)).Preferences.Select(static p => p.Id));
        Assert.Equal(["p1"], (await Store.GetStateAsync(Alice, MetadataFilter.Of(new Dictionary<string, string> { ["app"] = "calendar" }), Ct)).Preferences.Select(static p => p.Id));
        await AssertIndexHoldsExactlyAsync("acme", Alice);
    }

    /// <summary>
    /// Deleting preferences, replacing them all, and deleting the user delete their rows of the index with them (the metadata
    /// may hold user content: deleting is real deletion); a user written again under the same identifiers finds only the new metadata.
    /// </summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task CommitAsyncAndDeleteUserAsync_Deleting_RemovesIndexRows()
    {
        MetadataFilter mail = MetadataFilter.Of(new Dictionary<string, string> { ["app"] = "mail" });
        await Store.CommitAsync(Alice, new UserChange { Append = [Event("e1")], Upsert = [Preference("p1") with { Metadata = Mail }, Preference("p2") with { Metadata = Mail }, Preference("p3") with { Metadata = Mail }] }, Ct);
        await Store.CommitAsync(Bob, new UserChange { Append = [Event("e1")], Upsert = [Preference("p1") with { Metadata = Mail }] }, Ct);

        // Forgetting: the preference goes, with its index rows.
        await Store.CommitAsync(Alice, new UserChange { ExpectedVersion = 1, Append = [Event("e2")], Delete = ["p1"], Redact = ["e1"] }, Ct);
        Assert.Equal(["p2", "p3"], (await Store.GetStateAsync(Alice, mail, Ct)).Preferences.Select(static p => p.Id));
        await AssertIndexHoldsExactlyAsync("acme", Alice, Bob);

        // A rebuild replaces every preference.
        await Store.CommitAsync(Alice, new UserChange { ExpectedVersion = 2, Append = [Event("e3")], ReplaceAllPreferences = true, Upsert = [Preference("p4") with { Metadata = Mail }] }, Ct);
        Assert.Equal(["p4"], (await Store.GetStateAsync(Alice, mail, Ct)).Preferences.Select(static p => p.Id));
        await AssertIndexHoldsExactlyAsync("acme", Alice, Bob);

        // Deleting the user: nothing of theirs is left in the index; Bob keeps his.
        Assert.True(await Store.DeleteUserAsync(Alice, Ct));
        AssertEmpty(await Store.GetStateAsync(Alice, mail, Ct));
        if (Fixture is IMetadataIndexFixture index)
        {
            Assert.DoesNotContain(await index.ReadMetadataIndexAsync(Store, "acme", Ct), static row => row.User == Alice.UserId);
        }

        await Store.CommitAsync(Alice, new UserChange { Append = [Event("e1")], Upsert = [Preference("p4"), Preference("p2")] }, Ct);
        Assert.Empty((await Store.GetStateAsync(Alice, mail, Ct)).Preferences);
        Assert.Equal(["p1"], (await Store.GetStateAsync(Bob, mail, Ct)).Preferences.Select(static p => p.Id));
        await AssertIndexHoldsExactlyAsync("acme", Alice, Bob);
    }

    /// <summary>
    /// The same user and preference identifiers in two tenants, with different metadata: each tenant's filter finds only its
    /// own preference; an unknown user reads as empty and a known user with nothing matching keeps their log position.
    /// </summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task GetStateAsync_Filter_KeepsTenantsAndUsersApart()
    {
        UserKey acme = UserKey.Create("acme", "alice");
        UserKey other = UserKey.Create("other", "alice");
        MetadataFilter mail = MetadataFilter.Of(new Dictionary<string, string> { ["app"] = "mail" });
        await Store.CommitAsync(acme, new UserChange { Append = [Event("e1")], Upsert = [Preference("p1", "acme text") with { Metadata = Mail }] }, Ct);
        await Store.CommitAsync(other, new UserChange { Append = [Event("e1"), Event("e2")], Upsert = [Preference("p1", "other text") with { Metadata = new Dictionary<string, string> { ["app"] = "chat" } }] }, Ct);

        UserState inAcme = await Store.GetStateAsync(acme, mail, Ct);
        UserState inOther = await Store.GetStateAsync(other, mail, Ct);

        Assert.Equal(["acme text"], inAcme.Preferences.Select(static p => p.Text));
        Assert.Empty(inOther.Preferences);
        Assert.Equal((await Store.GetStateAsync(other, Ct)).Position, inOther.Position);
        Assert.Equal(2, inOther.Version);
        Assert.Equal(["other text"], (await Store.GetStateAsync(other, MetadataFilter.Of(new Dictionary<string, string> { ["app"] = "chat" }), Ct)).Preferences.Select(static p => p.Text));
        AssertEmpty(await Store.GetStateAsync(UserKey.Create("acme", "nobody"), mail, Ct));
        Assert.Empty((await Store.GetStateAsync(Bob, mail, Ct)).Preferences);
        await AssertIndexHoldsExactlyAsync("acme", acme);
        await AssertIndexHoldsExactlyAsync("other", other);
    }

    private static void AssertEmpty(UserState state)
    {
        Assert.Equal(default, state.Position);
        Assert.Empty(state.Preferences);
    }

    private static IReadOnlyDictionary<string, string> RandomMetadata(Random random)
    {
        var metadata = new Dictionary<string, string>();
        foreach (string key in IndexKeys)
        {
            if (random.Next(3) > 0)
            {
                metadata[key] = IndexValues[random.Next(IndexValues.Length)];
            }
        }

        return metadata;
    }

    private static MetadataFilter Parse(params (string Key, string Value)[] conditions)
        => MetadataFilter.Parse(conditions
            .GroupBy(static c => c.Key)
            .Select(static g => new KeyValuePair<string, IReadOnlyList<string?>>(MetadataFilter.QueryPrefix + g.Key, [.. g.Select(static c => c.Value)])));

    // The index (read directly, when the fixture can) holds exactly the metadata pairs of the users' stored preferences.
    private async Task AssertIndexHoldsExactlyAsync(string tenantId, params UserKey[] users)
    {
        if (Fixture is not IMetadataIndexFixture index)
        {
            return;
        }

        var expected = new List<string>();
        foreach (UserKey user in users)
        {
            foreach (Preference p in (await Store.GetStateAsync(user, Ct)).Preferences)
            {
                expected.AddRange(p.Metadata.Select(m => $"{user.UserId}|{m.Key}|{m.Value}|{p.Id}"));
            }
        }

        IReadOnlyList<(string User, string Key, string Value, string PreferenceId)> rows = await index.ReadMetadataIndexAsync(Store, tenantId, Ct);
        Assert.Equal(expected.Order(StringComparer.Ordinal), rows.Select(static r => $"{r.User}|{r.Key}|{r.Value}|{r.PreferenceId}").Order(StringComparer.Ordinal));
    }
}
