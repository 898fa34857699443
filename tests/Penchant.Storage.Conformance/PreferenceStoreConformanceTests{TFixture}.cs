using Penchant.Domain;
using Penchant.Signals;
using static Penchant.Storage.Conformance.StoreTestData;

namespace Penchant.Storage.Conformance;

/// <summary>
/// The behaviour every <see cref="IPreferenceStore"/> must show. A store's test project runs it with one line:
/// <c>public sealed class SqlitePreferenceStoreTests(SqliteStoreFixture fixture) : PreferenceStoreConformanceTests&lt;SqliteStoreFixture&gt;(fixture);</c>
/// </summary>
/// <typeparam name="TFixture">Creates the stores under test; one instance is shared by the class's tests.</typeparam>
/// <remarks>Each test gets a fresh store from <see cref="IStoreFixture.CreateStoreAsync"/> and disposes it afterwards.</remarks>
public abstract partial class PreferenceStoreConformanceTests<TFixture> : IClassFixture<TFixture>, IAsyncLifetime
    where TFixture : class, IStoreFixture
{
    private static readonly UserKey Alice = UserKey.Create("acme", "alice");
    private static readonly UserKey Bob = UserKey.Create("acme", "bob");
    private IPreferenceStore? _store;

    /// <summary>Initializes a new instance of the <see cref="PreferenceStoreConformanceTests{TFixture}"/> class.</summary>
    /// <param name="fixture">Creates the stores under test.</param>
    protected PreferenceStoreConformanceTests(TFixture fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        Fixture = fixture;
    }

    /// <summary>Gets the fixture that creates the stores under test.</summary>
    protected TFixture Fixture { get; }

    /// <summary>Gets the fresh store of the running test.</summary>
    /// <exception cref="InvalidOperationException">The test has not been initialized.</exception>
    protected IPreferenceStore Store => _store ?? throw new InvalidOperationException("The store is created in InitializeAsync; xunit calls it before each test.");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Creates the store for the next test.</summary>
    /// <returns>A task that completes when the store is ready.</returns>
    public async ValueTask InitializeAsync() => _store = await Fixture.CreateStoreAsync(Ct);

    /// <summary>Disposes the test's store.</summary>
    /// <returns>A task that completes when the store is disposed.</returns>
    public async ValueTask DisposeAsync()
    {
        switch (_store)
        {
            case IAsyncDisposable asyncDisposable:
                await asyncDisposable.DisposeAsync();
                break;
            case IDisposable disposable:
                disposable.Dispose();
                break;
        }

        _store = null;
        GC.SuppressFinalize(this);
    }

    /// <summary>A user the store has never seen has version 0, no preferences and no events, and deleting them reports nothing.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task GetStateAsync_UnknownUser_ReturnsEmpty()
    {
        var state = await Store.GetStateAsync(Alice, Ct);

        Assert.Equal(0, state.Version);
        Assert.Empty(state.Preferences);
        Assert.Empty(await ToListAsync(Store.ReadEventsAsync(Alice, 0, Ct), Ct));
        Assert.False(await Store.DeleteUserAsync(Alice, Ct));
    }

    /// <summary>Initializing again keeps the data.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task InitializeAsync_CalledAgain_IsIdempotentAndKeepsData()
    {
        await Store.CommitAsync(Alice, new UserChange { Append = [Event("e1")], Upsert = [Preference("p1")] }, Ct);

        await Store.InitializeAsync(Ct);
        await Store.InitializeAsync(Ct);

        var state = await Store.GetStateAsync(Alice, Ct);
        Assert.Equal(1, state.Version);
        Assert.Single(state.Preferences);
    }

    /// <summary>Appended events get sequences 1, 2, … in order; the caller's sequence is ignored; the returned events match the log.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task CommitAsync_AppendToNewUser_AssignsSequencesFromOneAndReturnsStoredEvents()
    {
        var first = Event("e1") with { Sequence = 99 };
        var second = Event("e2", "Actually, window seats.") with { Kind = EventKind.Turn, Role = ConversationTurn.UserRole };

        var appended = await Store.CommitAsync(Alice, new UserChange { ExpectedVersion = 0, Append = [first, second] }, Ct);

        Assert.Equal([1L, 2L], appended.Select(e => e.Sequence));
        AssertSame(first with { Sequence = 1 }, appended[0]);
        AssertSame(second with { Sequence = 2 }, appended[1]);
        var log = await ToListAsync(Store.ReadEventsAsync(Alice, 0, Ct), Ct);
        Assert.Equal(2, log.Count);
        AssertSame(appended[0], log[0]);
        AssertSame(appended[1], log[1]);
        Assert.Equal(2, (await Store.GetStateAsync(Alice, Ct)).Version);
    }

    /// <summary>Later commits continue the sequence where the log ended, and the log reads back in order.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task CommitAsync_SeveralCommits_ContinueTheSequence()
    {
        await Store.CommitAsync(Alice, new UserChange { ExpectedVersion = 0, Append = [Event("e1"), Event("e2")] }, Ct);
        var third = await Store.CommitAsync(Alice, new UserChange { ExpectedVersion = 2, Append = [Event("e3")] }, Ct);
        await Store.CommitAsync(Alice, new UserChange { ExpectedVersion = 3, Append = [Event("e4"), Event("e5")] }, Ct);

        Assert.Equal(3, Assert.Single(third).Sequence);
        var log = await ToListAsync(Store.ReadEventsAsync(Alice, 0, Ct), Ct);
        Assert.Equal(["e1", "e2", "e3", "e4", "e5"], log.Select(e => e.Id));
        Assert.Equal([1L, 2L, 3L, 4L, 5L], log.Select(e => e.Sequence));
        Assert.Equal(5, (await Store.GetStateAsync(Alice, Ct)).Version);
    }

    /// <summary>Reading after a sequence returns only the later events.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task ReadEventsAsync_AfterSequence_ReturnsOnlyLaterEvents()
    {
        await Store.CommitAsync(Alice, new UserChange { Append = [Event("e1"), Event("e2"), Event("e3"), Event("e4"), Event("e5")] }, Ct);

        var later = await ToListAsync(Store.ReadEventsAsync(Alice, 3, Ct), Ct);
        var none = await ToListAsync(Store.ReadEventsAsync(Alice, 5, Ct), Ct);

        Assert.Equal([4L, 5L], later.Select(e => e.Sequence));
        Assert.Empty(none);
    }

    /// <summary>Every field of an event comes back as it was written.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task ReadEventsAsync_AllFields_RoundTrip()
    {
        PreferenceEvent[] events =
        [
            new() { Id = "s1", Kind = EventKind.Statement, Text = "No emojis when I email my boss.", Scope = "emails to my boss", At = At },
            new() { Id = "t1", Kind = EventKind.Turn, Role = ConversationTurn.AssistantRole, Text = "Noted.", At = At.AddMinutes(1) },
            new() { Id = "r1", Kind = EventKind.Retraction, Target = "pref-7", At = At.AddMinutes(2), Redacted = true },
            new() { Id = "d1", Kind = EventKind.Statement, Text = "context", Data = """{"score":4,"scale":5}""", At = At.AddMinutes(3) },
        ];

        await Store.CommitAsync(Alice, new UserChange { Append = events }, Ct);

        var log = await ToListAsync(Store.ReadEventsAsync(Alice, 0, Ct), Ct);
        Assert.Equal(4, log.Count);
        for (int i = 0; i < events.Length; i++)
        {
            AssertSame(events[i] with { Sequence = i + 1 }, log[i]);
        }
    }

    /// <summary>The state holds the log version and every preference, current and superseded, in creation order.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task GetStateAsync_AfterCommits_ReturnsVersionAndPreferencesInCreationOrder()
    {
        var c = Preference("c", "likes jazz", "e1");
        var a = Preference("a", "likes rock", "e1") with { SupersededBy = "b" };
        var b = Preference("b", "likes classical music", "e2");
        await Store.CommitAsync(Alice, new UserChange { Append = [Event("e1")], Upsert = [c, a] }, Ct);
        await Store.CommitAsync(Alice, new UserChange { ExpectedVersion = 1, Append = [Event("e2")], Upsert = [b] }, Ct);

        var state = await Store.GetStateAsync(Alice, Ct);

        Assert.Equal(2, state.Version);
        Assert.Equal(["c", "a", "b"], state.Preferences.Select(p => p.Id));
        AssertSame(c, state.Preferences[0]);
        AssertSame(a, state.Preferences[1]);
        AssertSame(b, state.Preferences[2]);
    }

    /// <summary>Every field of a preference comes back as it was written.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task CommitAsync_PreferenceWithEveryField_RoundTrips()
    {
        var preference = new Preference
        {
            Id = "boss-emoji",
            Text = "no emojis in any email to my manager",
            Kind = PreferenceKind.Rule,
            Polarity = Polarity.Negative,
            Strength = 0.8173,
            Scope = new PreferenceScope
            {
                Text = "emails to my boss",
                Tags = new Dictionary<string, string> { ["channel"] = "email", ["recipient"] = "boss" },
            },
            Sources = ["e1", "e2"],
            Confidence = 1.0 / 3.0,
            CreatedAt = At,
            UpdatedAt = At.AddDays(3).ToOffset(TimeSpan.FromHours(-7)),
            SupersededBy = "boss-emoji-2",
            Hints = new ApplicabilityHints
            {
                RequestKinds = ["email drafting"],
                InScopeExamples = ["write to my manager about the deadline"],
                NearScopeExamples = ["write to my friend about the weekend"],
                ChainsTo = "signature",
                Source = "lexicon",
            },
            Embedding = new float[] { 0.1f, 0.2f, 0.3f },
        };

        await Store.CommitAsync(Alice, new UserChange { Upsert = [preference] }, Ct);

        AssertSame(preference, Assert.Single((await Store.GetStateAsync(Alice, Ct)).Preferences));
    }

    /// <summary>A preference with default scope, hints and no embedding comes back empty, not broken.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task CommitAsync_MinimalPreference_RoundTripsWithEmptyParts()
    {
        var preference = new Preference { Id = "p", Text = "likes tea" };

        await Store.CommitAsync(Alice, new UserChange { Upsert = [preference] }, Ct);

        var stored = Assert.Single((await Store.GetStateAsync(Alice, Ct)).Preferences);
        AssertSame(preference, stored);
        Assert.True(stored.Embedding.IsEmpty);
        Assert.False(stored.Scope.IsScoped);
        Assert.True(stored.IsCurrent);
    }

    /// <summary>Upserting an existing identifier replaces the preference and keeps its place in creation order.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task CommitAsync_UpsertExistingId_ReplacesInPlace()
    {
        await Store.CommitAsync(Alice, new UserChange { Upsert = [Preference("a"), Preference("b"), Preference("c")] }, Ct);
        var replacement = Preference("b", "prefers window seats") with { Strength = 0.9, Embedding = new float[] { 9f } };

        await Store.CommitAsync(Alice, new UserChange { Upsert = [replacement] }, Ct);

        var state = await Store.GetStateAsync(Alice, Ct);
        Assert.Equal(["a", "b", "c"], state.Preferences.Select(p => p.Id));
        AssertSame(replacement, state.Preferences[1]);
    }

    /// <summary>Deleting removes exactly the named preferences; an unknown identifier is ignored.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task CommitAsync_Delete_RemovesOnlyNamedPreferences()
    {
        await Store.CommitAsync(Alice, new UserChange { Upsert = [Preference("a"), Preference("b"), Preference("c")] }, Ct);

        await Store.CommitAsync(Alice, new UserChange { Delete = ["b", "no-such-preference"] }, Ct);

        Assert.Equal(["a", "c"], (await Store.GetStateAsync(Alice, Ct)).Preferences.Select(p => p.Id));
    }

    /// <summary>Redacting an event erases its text and scope and marks it, leaves its other fields and other events alone, and does not move the version.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task CommitAsync_Redact_ErasesTextAndScopeOnly()
    {
        await Store.CommitAsync(Alice, new UserChange { Append = [Event("e1", "I am allergic to peanuts", "food"), Event("e2", "I like tea")] }, Ct);

        var appended = await Store.CommitAsync(Alice, new UserChange { ExpectedVersion = 2, Redact = ["e1"] }, Ct);

        Assert.Empty(appended);
        var log = await ToListAsync(Store.ReadEventsAsync(Alice, 0, Ct), Ct);
        AssertSame(Event("e1", null) with { Sequence = 1, Redacted = true }, log[0]);
        AssertSame(Event("e2", "I like tea") with { Sequence = 2 }, log[1]);
        Assert.Equal(2, (await Store.GetStateAsync(Alice, Ct)).Version);
    }

    /// <summary>Redacting an event erases its structured data as well as its text.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task CommitAsync_Redact_ErasesData()
    {
        await Store.CommitAsync(Alice, new UserChange { Append = [Event("e1") with { Data = """{"chosen":"the gluten-free trattoria"}""" }] }, Ct);

        await Store.CommitAsync(Alice, new UserChange { ExpectedVersion = 1, Redact = ["e1"] }, Ct);

        var log = await ToListAsync(Store.ReadEventsAsync(Alice, 0, Ct), Ct);
        Assert.Null(log[0].Data);
        Assert.True(log[0].Redacted);
    }

    /// <summary>An event appended and redacted in the same change is stored, and returned, redacted.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task CommitAsync_RedactEventAppendedInSameChange_StoresItRedacted()
    {
        var appended = await Store.CommitAsync(Alice, new UserChange { Append = [Event("e1", "secret", "scope"), Event("e2")], Redact = ["e1"] }, Ct);

        var expected = Event("e1", null) with { Sequence = 1, Redacted = true };
        AssertSame(expected, appended[0]);
        AssertSame(expected, (await ToListAsync(Store.ReadEventsAsync(Alice, 0, Ct), Ct))[0]);
    }

    /// <summary>Replacing all preferences deletes every existing one before the upserts, which then define the order.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task CommitAsync_ReplaceAllPreferences_KeepsOnlyTheUpserts()
    {
        await Store.CommitAsync(Alice, new UserChange { Append = [Event("e1")], Upsert = [Preference("a"), Preference("b"), Preference("c")] }, Ct);
        var d = Preference("d", "likes trains");
        var b = Preference("b", "likes buses");

        await Store.CommitAsync(Alice, new UserChange { ExpectedVersion = 1, ReplaceAllPreferences = true, Upsert = [d, b] }, Ct);

        var state = await Store.GetStateAsync(Alice, Ct);
        Assert.Equal(1, state.Version);
        Assert.Equal(["d", "b"], state.Preferences.Select(p => p.Id));
        AssertSame(d, state.Preferences[0]);
        AssertSame(b, state.Preferences[1]);
        Assert.Single(await ToListAsync(Store.ReadEventsAsync(Alice, 0, Ct), Ct));
    }

    /// <summary>A change computed from an older or a future version is rejected and changes nothing.</summary>
    /// <param name="expectedVersion">The stale version.</param>
    /// <returns>A task that completes when the test is done.</returns>
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    public async Task CommitAsync_StaleVersion_ThrowsConcurrencyExceptionAndChangesNothing(long expectedVersion)
    {
        await Store.CommitAsync(Alice, new UserChange { Append = [Event("e1"), Event("e2")], Upsert = [Preference("a")] }, Ct);

        await Assert.ThrowsAsync<ConcurrencyException>(() => Store.CommitAsync(
            Alice,
            new UserChange
            {
                ExpectedVersion = expectedVersion,
                Append = [Event("e3")],
                Upsert = [Preference("b")],
                Delete = ["a"],
                Redact = ["e1"],
                ReplaceAllPreferences = true,
            },
            Ct));

        await AssertUnchangedAfterTwoEventsAndPreferenceAAsync();
    }

    /// <summary>Appending an event whose identifier the log already holds is rejected with <see cref="ArgumentException"/> and changes nothing.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task CommitAsync_EventIdAlreadyInLog_ThrowsArgumentExceptionAndChangesNothing()
    {
        await Store.CommitAsync(Alice, new UserChange { Append = [Event("e1"), Event("e2")], Upsert = [Preference("a")] }, Ct);

        await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.CommitAsync(
            Alice,
            new UserChange { ExpectedVersion = 2, Append = [Event("e3"), Event("e1", "again")], Upsert = [Preference("b")], Delete = ["a"], Redact = ["e2"] },
            Ct));

        await AssertUnchangedAfterTwoEventsAndPreferenceAAsync();
    }

    /// <summary>A change that appends the same identifier twice is rejected and changes nothing.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task CommitAsync_DuplicateEventIdWithinChange_ThrowsArgumentExceptionAndChangesNothing()
    {
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.CommitAsync(
            Alice,
            new UserChange { Append = [Event("e1"), Event("e1")], Upsert = [Preference("a")] },
            Ct));

        Assert.Equal(0, (await Store.GetStateAsync(Alice, Ct)).Version);
        Assert.Empty((await Store.GetStateAsync(Alice, Ct)).Preferences);
        Assert.Empty(await ToListAsync(Store.ReadEventsAsync(Alice, 0, Ct), Ct));
    }

    /// <summary>A <see langword="null"/> change is rejected with the parameter's name.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task CommitAsync_NullChange_ThrowsArgumentNullException()
    {
        var ex = await Assert.ThrowsAsync<ArgumentNullException>(() => Store.CommitAsync(Alice, null!, Ct));

        Assert.Equal("change", ex.ParamName);
    }

    /// <summary>An empty change at the right version succeeds without creating anything; at a wrong version it still fails.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task CommitAsync_EmptyChange_ChecksVersionAndWritesNothing()
    {
        Assert.Empty(await Store.CommitAsync(Alice, new UserChange(), Ct));
        await Assert.ThrowsAsync<ConcurrencyException>(() => Store.CommitAsync(Alice, new UserChange { ExpectedVersion = 4 }, Ct));

        Assert.Equal(0, (await Store.GetStateAsync(Alice, Ct)).Version);
        Assert.Empty(await ToListAsync(Store.ListUsersAsync(Alice.TenantId, Ct), Ct));
    }

    private async Task AssertUnchangedAfterTwoEventsAndPreferenceAAsync()
    {
        var state = await Store.GetStateAsync(Alice, Ct);
        Assert.Equal(2, state.Version);
        AssertSame(Preference("a"), Assert.Single(state.Preferences));
        var log = await ToListAsync(Store.ReadEventsAsync(Alice, 0, Ct), Ct);
        Assert.Equal(2, log.Count);
        AssertSame(Event("e1") with { Sequence = 1 }, log[0]);
        AssertSame(Event("e2") with { Sequence = 2 }, log[1]);
    }
}
