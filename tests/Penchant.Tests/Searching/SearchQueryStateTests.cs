using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Penchant.Domain;
using Penchant.Storage;
using Penchant.Testing;

namespace Penchant.Searching;

/// <summary>The search over a store: expiry, metadata filters (through the store's filtered read) and the BM25 index kept per state.</summary>
public sealed class SearchQueryStateTests
{
    private static readonly UserKey Alice = new("acme", "alice");
    private static readonly DateTimeOffset Start = new(2026, 5, 4, 9, 0, 0, TimeSpan.Zero);
    private static readonly IReadOnlyDictionary<string, string> Mail = new Dictionary<string, string> { ["app"] = "mail" };

    private readonly InMemoryPreferenceStore _store = new();
    private readonly FakeTimeProvider _time = new(Start);
    private readonly UserStateCache _states;
    private readonly SearchQuery _search;

    public SearchQueryStateTests()
    {
        _states = new UserStateCache(_store, Options.Create(new PenchantOptions()));
        _search = new SearchQuery(_states, new HashingEmbeddingGenerator(), _time);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SearchAsync_ExpiredPreference_IsNotFoundFromItsExpiryOn()
    {
        // Arrange
        await _store.CommitAsync(
            Alice,
            new UserChange { Upsert = [Pref("p1", "avoids gluten at dinner") with { ExpiresAt = Start.AddHours(1) }, Pref("p2", "likes green tea in the morning")] },
            Ct);

        // Act
        IReadOnlyList<PreferenceMatch> before = await _search.SearchAsync(Alice, new PreferenceSearch("gluten at dinner"), Ct);
        _time.Advance(TimeSpan.FromHours(1));
        IReadOnlyList<PreferenceMatch> after = await _search.SearchAsync(Alice, new PreferenceSearch("gluten at dinner"), Ct);

        // Assert
        Assert.Equal("p1", before[0].Preference.Id);
        Assert.Equal(["p2"], after.Select(static m => m.Preference.Id));
        Assert.Null(after[0].LexicalRank);
    }

    [Fact]
    public async Task SearchAsync_MetadataFilter_FindsOnlyPreferencesWithThatMetadata()
    {
        await _store.CommitAsync(
            Alice,
            new UserChange
            {
                Upsert =
                [
                    Pref("p1", "writes short emails to colleagues") with { Metadata = Mail },
                    Pref("p2", "writes long emails to family") with { Metadata = new Dictionary<string, string> { ["app"] = "chat" } },
                    Pref("p3", "answers emails in the evening"),
                    Pref("p4", "signs emails with first name only") with { Metadata = Mail, SupersededBy = "p1" },
                ],
            },
            Ct);

        IReadOnlyList<PreferenceMatch> all = await _search.SearchAsync(Alice, new PreferenceSearch("emails"), Ct);
        IReadOnlyList<PreferenceMatch> mail = await _search.SearchAsync(Alice, new PreferenceSearch("emails") { Filter = MetadataFilter.Of(Mail) }, Ct);
        IReadOnlyList<PreferenceMatch> none = await _search.SearchAsync(Alice, new PreferenceSearch("emails") { Filter = MetadataFilter.Of(new Dictionary<string, string> { ["app"] = "calendar" }) }, Ct);

        Assert.Equal(["p1", "p2", "p3"], all.Select(static m => m.Preference.Id).Order(StringComparer.Ordinal));
        Assert.Equal(["p1"], mail.Select(static m => m.Preference.Id));
        Assert.Empty(none);
    }

    [Fact]
    public async Task SearchAsync_LexicalStatistics_AreThoseOfThePreferencesSearched()
    {
        // "tea" occurs in two of the three texts, but in only one of the two the filter leaves.
        await _store.CommitAsync(
            Alice,
            new UserChange
            {
                Upsert =
                [
                    Pref("p1", "green tea after lunch") with { Metadata = Mail },
                    Pref("p2", "black coffee before meetings") with { Metadata = Mail },
                    Pref("p3", "herbal tea at night"),
                ],
            },
            Ct);

        IReadOnlyList<PreferenceMatch> filtered = await _search.SearchAsync(Alice, new PreferenceSearch("tea") { Filter = MetadataFilter.Of(Mail) }, Ct);

        double expected = new Bm25(["green tea after lunch", "black coffee before meetings"]).Score("tea")[0];
        Assert.Equal(expected, filtered.Single(static m => m.Preference.Id == "p1").Lexical, 12);
        Assert.NotEqual(new Bm25(["green tea after lunch", "black coffee before meetings", "herbal tea at night"]).Score("tea")[0], expected, 6);
    }

    [Fact]
    public async Task SearchAsync_SameLogPosition_KeepsTheIndex_AndAWriteElsewhereReplacesIt()
    {
        // Arrange
        await _store.CommitAsync(Alice, new UserChange { Append = [Event("e1")], Upsert = [Pref("p1", "likes green tea"), Pref("p2", "walks to work")] }, Ct);

        // Act: two searches of one state, then a write by another engine (straight to the store), then a search.
        await _search.SearchAsync(Alice, new PreferenceSearch("tea"), Ct);
        SearchIndex? first = (await _states.GetAsync(Alice, Ct)).Derived<SearchIndex>();
        await _search.SearchAsync(Alice, new PreferenceSearch("walking"), Ct);
        SearchIndex? second = (await _states.GetAsync(Alice, Ct)).Derived<SearchIndex>();
        await _store.CommitAsync(Alice, new UserChange { ExpectedVersion = 1, Append = [Event("e2")], Upsert = [Pref("p3", "drinks oolong tea")] }, Ct);
        IReadOnlyList<PreferenceMatch> afterWrite = await _search.SearchAsync(Alice, new PreferenceSearch("oolong tea"), Ct);
        SearchIndex? third = (await _states.GetAsync(Alice, Ct)).Derived<SearchIndex>();

        // Assert
        Assert.NotNull(first);
        Assert.Same(first, second);
        Assert.NotNull(third);
        Assert.NotSame(first, third);
        Assert.Equal(3, third.Current.Count);
        Assert.Equal("p3", afterWrite[0].Preference.Id);
    }

    private static Preference Pref(string id, string text) => new() { Id = id, Text = text, CreatedAt = Start, UpdatedAt = Start };

    private static Penchant.Signals.PreferenceEvent Event(string id) => new() { Id = id, Kind = Penchant.Signals.EventKind.Statement, Text = "x", At = Start };
}
