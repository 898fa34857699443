using Penchant.Domain;
using static Penchant.Storage.Conformance.StoreTestData;

namespace Penchant.Storage.Conformance;

/// <content>Concurrent writers and cancellation.</content>
public abstract partial class PreferenceStoreConformanceTests<TFixture>
{
    /// <summary>
    /// Fifty writers that re-read and retry on <see cref="ConcurrencyException"/> all land exactly once, with
    /// contiguous sequences 1..50; no other failure is allowed.
    /// </summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task CommitAsync_FiftyConcurrentWritersWithRetry_AllLandOnceWithContiguousSequences()
    {
        const int Writers = 50;
        var writers = new Task[Writers];
        for (int i = 0; i < Writers; i++)
        {
            int writer = i;
            writers[i] = Task.Run(() => CommitWithRetryAsync(Alice, writer), Ct);
        }

        await Task.WhenAll(writers);

        var log = await ToListAsync(Store.ReadEventsAsync(Alice, 0, Ct), Ct);
        Assert.Equal(Enumerable.Range(1, Writers).Select(i => (long)i), log.Select(e => e.Sequence));
        Assert.Equal(Enumerable.Range(0, Writers).Select(i => $"e{i}").Order(StringComparer.Ordinal), log.Select(e => e.Id).Order(StringComparer.Ordinal));
        var state = await Store.GetStateAsync(Alice, Ct);
        Assert.Equal(Writers, state.Version);
        Assert.Equal(Enumerable.Range(0, Writers).Select(i => $"p{i}").Order(StringComparer.Ordinal), state.Preferences.Select(p => p.Id).Order(StringComparer.Ordinal));
        foreach (var preference in state.Preferences)
        {
            // Each preference was written with the event of the same writer.
            Assert.Equal(["e" + preference.Id[1..]], preference.Sources);
        }
    }

    /// <summary>Of many writers that all start from the same version, exactly one wins; the others get <see cref="ConcurrencyException"/>.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task CommitAsync_ManyWritersFromSameVersion_ExactlyOneWins()
    {
        const int Writers = 12;
        var attempts = new Task<bool>[Writers];
        for (int i = 0; i < Writers; i++)
        {
            int writer = i;
            attempts[i] = Task.Run(
                async () =>
                {
                    try
                    {
                        await Store.CommitAsync(Alice, new UserChange { ExpectedVersion = 0, Append = [Event($"e{writer}")] }, Ct);
                        return true;
                    }
                    catch (ConcurrencyException)
                    {
                        return false;
                    }
                },
                Ct);
        }

        bool[] won = await Task.WhenAll(attempts);

        Assert.Equal(1, won.Count(w => w));
        Assert.Single(await ToListAsync(Store.ReadEventsAsync(Alice, 0, Ct), Ct));
        Assert.Equal(1, (await Store.GetStateAsync(Alice, Ct)).Version);
    }

    /// <summary>Writers to different users run side by side without disturbing each other.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task CommitAsync_ConcurrentWritersToDifferentUsers_EachLogIsComplete()
    {
        const int Users = 8;
        const int CommitsPerUser = 5;
        var tasks = new Task[Users];
        for (int u = 0; u < Users; u++)
        {
            var user = UserKey.Create("acme", $"user{u}");
            tasks[u] = Task.Run(
                async () =>
                {
                    for (int c = 0; c < CommitsPerUser; c++)
                    {
                        await Store.CommitAsync(user, new UserChange { ExpectedVersion = c, Append = [Event($"e{c}")], Upsert = [Preference($"p{c}")] }, Ct);
                    }
                },
                Ct);
        }

        await Task.WhenAll(tasks);

        for (int u = 0; u < Users; u++)
        {
            var user = UserKey.Create("acme", $"user{u}");
            var state = await Store.GetStateAsync(user, Ct);
            Assert.Equal(CommitsPerUser, state.Version);
            Assert.Equal(Enumerable.Range(0, CommitsPerUser).Select(c => $"p{c}"), state.Preferences.Select(p => p.Id));
            Assert.Equal(Enumerable.Range(1, CommitsPerUser).Select(c => (long)c), (await ToListAsync(Store.ReadEventsAsync(user, 0, Ct), Ct)).Select(e => e.Sequence));
        }

        Assert.Equal(Users, (await ToListAsync(Store.ListUsersAsync("acme", Ct), Ct)).Count);
    }

    /// <summary>
    /// Among concurrent commits of different users, one that fails (a duplicate event id) fails alone: the others land,
    /// even when a store commits them together.
    /// </summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task CommitAsync_OneFailingAmongConcurrentCommits_FailsAlone()
    {
        await Store.CommitAsync(Alice, new UserChange { Append = [Event("e1")] }, Ct);
        const int Users = 16;
        var others = new Task[Users];
        for (int u = 0; u < Users; u++)
        {
            var user = UserKey.Create("acme", $"user{u}");
            others[u] = Task.Run(() => Store.CommitAsync(user, new UserChange { Append = [Event("e1")], Upsert = [Preference("p1")] }, Ct), Ct);
        }

        await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.CommitAsync(Alice, new UserChange { ExpectedVersion = 1, Append = [Event("e2"), Event("e1")] }, Ct));
        await Task.WhenAll(others);
        Assert.Single(await ToListAsync(Store.ReadEventsAsync(Alice, 0, Ct), Ct));
        Assert.Equal(1, (await Store.GetStateAsync(Alice, Ct)).Version);
        for (int u = 0; u < Users; u++)
        {
            var state = await Store.GetStateAsync(UserKey.Create("acme", $"user{u}"), Ct);
            Assert.Equal(1, state.Version);
            Assert.Equal("p1", Assert.Single(state.Preferences).Id);
        }
    }

    /// <summary>Every operation given an already cancelled token throws <see cref="OperationCanceledException"/>, and a cancelled commit or deletion changes nothing.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task Operations_CancelledToken_ThrowAndChangeNothing()
    {
        await Store.CommitAsync(Alice, new UserChange { Append = [Event("e1"), Event("e2")], Upsert = [Preference("a")] }, Ct);
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        await cancellation.CancelAsync();
        var cancelled = cancellation.Token;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Store.CommitAsync(Alice, new UserChange { ExpectedVersion = 2, Append = [Event("e3")], Delete = ["a"] }, cancelled));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Store.DeleteUserAsync(Alice, cancelled));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Store.GetStateAsync(Alice, cancelled));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ToListAsync(Store.ReadEventsAsync(Alice, 0, cancelled), Ct));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ToListAsync(Store.ListUsersAsync(Alice.TenantId, cancelled), Ct));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ToListAsync(Store.ReadEventsAsync(Alice, 0, Ct), cancelled));

        await AssertUnchangedAfterTwoEventsAndPreferenceAAsync();
    }

    /// <summary>Cancelling while a log is being read stops the enumeration with <see cref="OperationCanceledException"/>.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task ReadEventsAsync_CancelledDuringEnumeration_Throws()
    {
        await Store.CommitAsync(Alice, new UserChange { Append = [Event("e1"), Event("e2"), Event("e3")] }, Ct);
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        int read = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var item in Store.ReadEventsAsync(Alice, 0, cancellation.Token))
            {
                read++;
                await cancellation.CancelAsync();
            }
        });

        Assert.Equal(1, read);
    }

    private async Task CommitWithRetryAsync(UserKey user, int writer)
    {
        for (int attempt = 0; ; attempt++)
        {
            var state = await Store.GetStateAsync(user, Ct);
            try
            {
                await Store.CommitAsync(
                    user,
                    new UserChange { ExpectedVersion = state.Version, Append = [Event($"e{writer}")], Upsert = [Preference($"p{writer}", "likes tea", $"e{writer}")] },
                    Ct);
                return;
            }
            catch (ConcurrencyException) when (attempt < 10_000)
            {
                // Another writer got there first: re-read and try again, as the engine does.
            }
        }
    }
}
