using Penchant.Domain;
using Penchant.Signals;
using static Penchant.Storage.Conformance.StoreTestData;

namespace Penchant.Storage.Conformance;

/// <content>Log positions (what a cached state is checked against), finding events by identifier, model parts committed with a change, open event kinds.</content>
public abstract partial class PreferenceStoreConformanceTests<TFixture>
{
    /// <summary>An unknown user's log stands at version 0 with no last event.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task GetLogPositionAsync_UnknownUser_ReturnsStart()
        => Assert.Equal(default, await Store.GetLogPositionAsync(Alice, Ct));

    /// <summary>The position names the last event appended, and matches the position of the state read after it.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task GetLogPositionAsync_AfterCommits_NamesTheLastEventAndMatchesTheState()
    {
        await Store.CommitAsync(Alice, new UserChange { Append = [Event("ev_1"), Event("ev_2")] }, Ct);
        await Store.CommitAsync(Alice, new UserChange { ExpectedVersion = 2, Append = [Event("ev_3")] }, Ct);

        LogPosition position = await Store.GetLogPositionAsync(Alice, Ct);
        UserState state = await Store.GetStateAsync(Alice, Ct);

        Assert.Equal(new LogPosition(3, "ev_3"), position);
        Assert.Equal(position, state.Position);
        Assert.Equal(default, await Store.GetLogPositionAsync(new UserKey("globex", Alice.UserId), Ct));
    }

    /// <summary>A log deleted and written again to the same length reads as a different position.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task GetLogPositionAsync_UserDeletedAndWrittenAgain_Differs()
    {
        await Store.CommitAsync(Alice, new UserChange { Append = [Event("ev_old")] }, Ct);
        LogPosition before = await Store.GetLogPositionAsync(Alice, Ct);
        await Store.DeleteUserAsync(Alice, Ct);
        await Store.CommitAsync(Alice, new UserChange { Append = [Event("ev_new")] }, Ct);

        Assert.NotEqual(before, await Store.GetLogPositionAsync(Alice, Ct));
    }

    /// <summary>Events are found by identifier in sequence order; unknown identifiers and other users' events are left out.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task FindEventsAsync_SomeIdentifiersKnown_ReturnsThoseInOrder()
    {
        await Store.CommitAsync(Alice, new UserChange { Append = [Event("ev_1"), Event("ev_2"), Event("ev_3")] }, Ct);
        await Store.CommitAsync(Bob, new UserChange { Append = [Event("ev_4")] }, Ct);

        IReadOnlyList<PreferenceEvent> found = await Store.FindEventsAsync(Alice, ["ev_3", "ev_missing", "ev_1", "ev_4"], Ct);

        Assert.Equal(["ev_1", "ev_3"], found.Select(static e => e.Id));
        Assert.Empty(await Store.FindEventsAsync(Alice, [], Ct));
    }

    /// <summary>The same event identifier in two tenants (an idempotency key both used) is two events, each seen only by its tenant.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task CommitAsync_SameEventIdInTwoTenants_KeepsBoth()
    {
        var other = new UserKey("globex", Alice.UserId);
        await Store.CommitAsync(Alice, new UserChange { Append = [Event("ev_ikey_0", "acme's text")] }, Ct);
        await Store.CommitAsync(other, new UserChange { Append = [Event("ev_ikey_0", "globex's text")] }, Ct);

        Assert.Equal("acme's text", Assert.Single(await Store.FindEventsAsync(Alice, ["ev_ikey_0"], Ct)).Text);
        Assert.Equal("globex's text", Assert.Single(await Store.FindEventsAsync(other, ["ev_ikey_0"], Ct)).Text);
    }

    /// <summary>Model parts committed with a change are saved in the same commit, their versions counting up; a rebuild's change replaces them all.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task CommitAsync_WithModels_SavesAndReplacesTheUsersParts()
    {
        await Store.SaveModelAsync("acme", "ranking", new byte[] { 9 }, 0, Ct);
        await Store.CommitAsync(Alice, new UserChange { Append = [Event("ev_1")], UpsertModels = new Dictionary<string, ReadOnlyMemory<byte>> { ["ranking"] = new byte[] { 1 }, ["extra"] = new byte[] { 7 } } }, Ct);
        await Store.CommitAsync(Alice, new UserChange { ExpectedVersion = 1, Append = [Event("ev_2")], UpsertModels = new Dictionary<string, ReadOnlyMemory<byte>> { ["ranking"] = new byte[] { 2 } } }, Ct);

        StoredModel? part = await Store.GetUserModelAsync(Alice, "ranking", Ct);
        Assert.Equal(2, part!.Version);
        Assert.Equal(new byte[] { 2 }, part.Payload.ToArray());

        await Store.CommitAsync(Alice, new UserChange { ExpectedVersion = 2, ReplaceAllModels = true, UpsertModels = new Dictionary<string, ReadOnlyMemory<byte>> { ["ranking"] = new byte[] { 3 } } }, Ct);

        Assert.Equal(new byte[] { 3 }, (await Store.GetUserModelAsync(Alice, "ranking", Ct))!.Payload.ToArray());
        Assert.Null(await Store.GetUserModelAsync(Alice, "extra", Ct));
        Assert.Equal(new byte[] { 9 }, (await Store.GetModelAsync("acme", "ranking", Ct))!.Payload.ToArray());
    }

    /// <summary>A change whose model parts fail (a stale version) commits none of them.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task CommitAsync_StaleWithModels_SavesNoPart()
    {
        await Store.CommitAsync(Alice, new UserChange { Append = [Event("ev_1")] }, Ct);

        await Assert.ThrowsAsync<ConcurrencyException>(() => Store.CommitAsync(Alice, new UserChange { Append = [Event("ev_2")], UpsertModels = new Dictionary<string, ReadOnlyMemory<byte>> { ["ranking"] = new byte[] { 1 } } }, Ct));

        Assert.Null(await Store.GetUserModelAsync(Alice, "ranking", Ct));
    }

    /// <summary>An event of a kind added after the store was written (a signal an application registered) round-trips by name; built-in kinds keep theirs.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task CommitAsync_NewEventKind_RoundTripsByName()
    {
        EventKind mood = EventKind.FromName("mood");
        await Store.CommitAsync(Alice, new UserChange { Append = [Event("ev_1") with { Kind = mood }, Event("ev_2") with { Kind = EventKind.Choice }] }, Ct);

        List<PreferenceEvent> read = await ToListAsync(Store.ReadEventsAsync(Alice, 0, Ct), Ct);

        Assert.Equal([mood, EventKind.Choice], read.Select(static e => e.Kind));
    }
}
