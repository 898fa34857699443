using Penchant.Domain;
using Penchant.Signals;
using static Penchant.Storage.Conformance.StoreTestData;

namespace Penchant.Storage.Conformance;

/// <content>Values that stores tend to mangle: vectors, timestamps, text.</content>
public abstract partial class PreferenceStoreConformanceTests<TFixture>
{
    /// <summary>Embeddings come back bit for bit, including negative zero, subnormals, infinities and NaN payloads.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task CommitAsync_Embedding_RoundTripsBitExact()
    {
        float[] special =
        [
            0f, -0f, 1f, -1f, 1f / 3f, float.Epsilon, -float.Epsilon, float.MaxValue, float.MinValue,
            float.PositiveInfinity, float.NegativeInfinity, float.NaN, BitConverter.Int32BitsToSingle(0x7FC0_1234),
        ];
        var random = new Random(20250314);
        float[] dense = new float[384];
        for (int i = 0; i < dense.Length; i++)
        {
            dense[i] = (float)((random.NextDouble() * 2) - 1);
        }

        await Store.CommitAsync(Alice, new UserChange { Upsert = [Preference("special") with { Embedding = special }, Preference("dense") with { Embedding = dense }] }, Ct);

        var state = await Store.GetStateAsync(Alice, Ct);
        AssertSameBits(special, state.Preferences[0].Embedding.Span);
        AssertSameBits(dense, state.Preferences[1].Embedding.Span);
    }

    /// <summary>
    /// What a store holds after a commit is what <see cref="UserState.After"/> computes from the state the change was
    /// planned on: the engine carries on from it without reading back. Replaced preferences keep their place, new ones
    /// go last, deletions apply, and the version moves by the events appended.
    /// </summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task CommitAsync_StateAfterwards_IsWhatUserStateAfterComputes()
    {
        await Store.CommitAsync(Alice, new UserChange { Append = [Event("e1"), Event("e2")], Upsert = [Preference("a"), Preference("b"), Preference("c")] }, Ct);
        UserState before = await Store.GetStateAsync(Alice, Ct);
        var change = new UserChange
        {
            ExpectedVersion = before.Version,
            Append = [Event("e3"), Event("e4"), Event("e5")],
            Upsert = [Preference("d", "a new one"), Preference("b", "b, replaced") with { SupersededBy = "d" }],
            Delete = ["a"],
        };

        IReadOnlyList<PreferenceEvent> appended = await Store.CommitAsync(Alice, change, Ct);

        UserState expected = before.After(change, appended.Count);
        UserState stored = await Store.GetStateAsync(Alice, Ct);
        Assert.Equal(expected.Version, stored.Version);
        Assert.Equal(["b", "c", "d"], stored.Preferences.Select(static p => p.Id));
        Assert.Equal(expected.Preferences.Select(static p => (p.Id, p.Text, p.SupersededBy)), stored.Preferences.Select(static p => (p.Id, p.Text, p.SupersededBy)));
    }

    /// <summary>Timestamps keep their ticks and their offsets, from the smallest to the largest value.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task CommitAsync_Timestamps_RoundTripWithOffsets()
    {
        DateTimeOffset[] instants =
        [
            At,
            new DateTimeOffset(2024, 2, 29, 23, 59, 59, TimeSpan.FromHours(5.5)).AddTicks(1),
            new DateTimeOffset(2024, 11, 3, 1, 30, 0, TimeSpan.FromHours(-8)),
            new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.FromHours(14)),
            new DateTimeOffset(1999, 12, 31, 12, 0, 0, TimeSpan.FromHours(-12)).AddTicks(9_999_999),
            new DateTimeOffset(2025, 6, 1, 8, 0, 0, TimeSpan.Zero),
            DateTimeOffset.MinValue,
            DateTimeOffset.MaxValue,
        ];
        var events = new PreferenceEvent[instants.Length];
        var preferences = new Preference[instants.Length];
        for (int i = 0; i < instants.Length; i++)
        {
            events[i] = Event($"e{i}") with { At = instants[i] };
            preferences[i] = Preference($"p{i}") with { CreatedAt = instants[i], UpdatedAt = instants[instants.Length - 1 - i] };
        }

        await Store.CommitAsync(Alice, new UserChange { Append = events, Upsert = preferences }, Ct);

        var log = await ToListAsync(Store.ReadEventsAsync(Alice, 0, Ct), Ct);
        var state = await Store.GetStateAsync(Alice, Ct);
        for (int i = 0; i < instants.Length; i++)
        {
            AssertSameInstant(instants[i], log[i].At);
            AssertSameInstant(instants[i], state.Preferences[i].CreatedAt);
            AssertSameInstant(instants[instants.Length - 1 - i], state.Preferences[i].UpdatedAt);
        }
    }

    /// <summary>Text in any script, with emoji, combining marks, zero-width joiners, quotes and control characters, comes back unchanged everywhere.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task CommitAsync_UnicodeText_RoundTrips()
    {
        const string text = "Je préfère la crème brûlée 🍮 — 日本語 — עברית — Ελληνικά — 👩‍💻 🇫🇷 e\u0301 \"quoted\" 'single' \\ back\nnew line\ttab \u200B\uFEFF end";
        var user = UserKey.Create("tenant-ünï", "user-😀");
        var item = new PreferenceEvent
        {
            Id = "event-🎉",
            Kind = EventKind.Turn,
            Role = "usér",
            Text = text,
            Scope = "courriels à ma chef 📧",
            Target = "préférence-1",
            At = At,
        };
        var preference = Preference("préférence-1", text, "event-🎉") with
        {
            Scope = new PreferenceScope { Text = "ß → SS", Tags = new Dictionary<string, string> { ["langue"] = "français", ["emoji"] = "✅" } },
            Hints = new ApplicabilityHints { RequestKinds = ["リクエスト"], InScopeExamples = [text], NearScopeExamples = ["🙅"], ChainsTo = "hôtel", Source = "lexique" },
        };

        await Store.CommitAsync(user, new UserChange { Append = [item], Upsert = [preference] }, Ct);

        AssertSame(item with { Sequence = 1 }, Assert.Single(await ToListAsync(Store.ReadEventsAsync(user, 0, Ct), Ct)));
        AssertSame(preference, Assert.Single((await Store.GetStateAsync(user, Ct)).Preferences));
        Assert.Equal(["user-😀"], await ToListAsync(Store.ListUsersAsync("tenant-ünï", Ct), Ct));
    }

    /// <summary>A caller changing its own arrays after a commit does not change what the store holds.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task CommitAsync_CallerMutatesInputsAfterwards_StoredDataUnchanged()
    {
        float[] embedding = [1f, 2f, 3f];
        string[] sources = ["e1"];
        await Store.CommitAsync(Alice, new UserChange { Upsert = [Preference("a", "likes tea", sources) with { Embedding = embedding }] }, Ct);

        embedding[0] = 42f;
        sources[0] = "changed";

        var stored = Assert.Single((await Store.GetStateAsync(Alice, Ct)).Preferences);
        AssertSameBits([1f, 2f, 3f], stored.Embedding.Span);
        Assert.Equal(["e1"], stored.Sources);
    }
}
