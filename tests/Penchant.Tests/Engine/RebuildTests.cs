using Microsoft.Extensions.DependencyInjection;
using Penchant.Domain;
using Penchant.Ranking;
using Penchant.Signals;
using Penchant.Storage;
using Penchant.Testing;

namespace Penchant.Engine;

/// <summary>Everything derived is rebuilt from the log: a rebuild after every kind of signal leaves what the live writes left.</summary>
public sealed class RebuildTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> SignalKinds => ["statement", "turns", "reaction", "comparison", "rating", "choice", "edit", "all"];

    [Theory]
    [MemberData(nameof(SignalKinds))]
    public async Task RebuildAsync_AfterEachKindOfSignal_EqualsTheLiveState(string kind)
    {
        // Arrange
        var store = new InMemoryPreferenceStore();
        using ServiceProvider services = TestEngines.Create(store);
        IPenchant engine = services.GetRequiredService<IPenchant>();
        var user = new UserKey("acme", "rosa");
        await RecordAsync(engine, user, kind);
        IReadOnlyList<Preference> live = await engine.HistoryAsync(user, Ct);
        StoredModel? livePart = await store.GetUserModelAsync(user, RankingModels.Name, Ct);

        // Act
        await engine.RebuildAsync(user, Ct);

        // Assert: the same preferences (texts, sources, acceptance, supersession) and the same personal ranking part.
        IReadOnlyList<Preference> rebuilt = await engine.HistoryAsync(user, Ct);
        Assert.Equal(Describe(live), Describe(rebuilt));
        StoredModel? rebuiltPart = await store.GetUserModelAsync(user, RankingModels.Name, Ct);
        Assert.Equal(livePart is null, rebuiltPart is null);
        if (livePart is not null)
        {
            Assert.Equal(livePart.Payload.ToArray(), rebuiltPart!.Payload.ToArray());
        }

        bool rankingSignal = kind is "comparison" or "choice" or "all";
        Assert.Equal(rankingSignal, livePart is not null);
    }

    [Fact]
    public async Task RebuildAsync_PartDeletedFromTheStore_ComesBackFromTheLog()
    {
        // Arrange: a user part, then lost (as if written by an older version that saved it outside the commit).
        var store = new InMemoryPreferenceStore();
        using ServiceProvider services = TestEngines.Create(store);
        IPenchant engine = services.GetRequiredService<IPenchant>();
        var user = new UserKey("acme", "sam");
        await engine.CompareAsync(user, new Comparison("Summarize the report.", "Three short bullets.", "A long paragraph that goes on and on."), Ct);
        byte[] expected = (await store.GetUserModelAsync(user, RankingModels.Name, Ct))!.Payload.ToArray();
        await store.CommitAsync(user, new UserChange { ExpectedVersion = 1, ReplaceAllModels = true }, Ct);
        Assert.Null(await store.GetUserModelAsync(user, RankingModels.Name, Ct));

        // Act
        await engine.RebuildAsync(user, Ct);

        // Assert
        Assert.Equal(expected, (await store.GetUserModelAsync(user, RankingModels.Name, Ct))!.Payload.ToArray());
    }

    private static async Task RecordAsync(IPenchant engine, UserKey user, string kind)
    {
        if (kind is "statement" or "all")
        {
            await engine.RememberAsync(user, new Statement("I am vegetarian."), Ct);
            await engine.RememberAsync(user, new Statement("I started eating fish again."), Ct);
            await engine.RememberAsync(user, new Statement("Keep answers short.", Scope: "work emails"), Ct);
        }

        if (kind is "turns" or "all")
        {
            await engine.ObserveAsync(user, [new("user", "I prefer trains over planes for short trips."), new("assistant", "Noted.")], Ct);
            await engine.ObserveAsync(user, [new("assistant", "Would you like Lisbon, Porto or Faro?"), new("user", "Porto, please.")], Ct);
        }

        if (kind is "edit" or "all")
        {
            WriteResult first = await engine.RememberAsync(user, new Statement("My coffee is always black."), Ct);
            WriteResult edited = await engine.EditPreferenceAsync(user, new PreferenceEdit(first.Created[0].Id, Text: "I drink my coffee with oat milk.", Strength: 0.8), Ct);
            await engine.EditPreferenceAsync(user, new PreferenceEdit(edited.Created[0].Id, Scope: "at work"), Ct);
        }

        if (kind is "reaction" or "all")
        {
            WriteResult first = await engine.RememberAsync(user, new Statement("Use metric units."), Ct);
            string applied = first.Created.Count > 0 ? first.Created[0].Id : (await engine.ListAsync(user, Ct))[0].Id;
            await engine.ReactAsync(user, new Reaction("Perfect, thanks!") { Request = "Convert 5 miles.", AppliedPreferenceIds = [applied] }, Ct);
            await engine.ReactAsync(
                user,
                new Reaction("Too long, please make it shorter.")
                {
                    Request = "Write a note to my landlord.",
                    AppliedPreferenceIds = [applied],
                    Classification = new ReactionClassification(ReactionLabel.Dissatisfied, "asked for a change", 0.8, "make it shorter"),
                },
                Ct);
        }

        if (kind is "comparison" or "all")
        {
            await engine.CompareAsync(user, new Comparison("Summarize the report.", "Three short bullets.", "A long paragraph that goes on and on."), Ct);
            await engine.CompareAsync(user, new Comparison("Plan a trip.", "Day 1: museum. Day 2: beach.", "You could do many things.", ComparisonMagnitude.Much), Ct);
        }

        if (kind is "rating" or "all")
        {
            await engine.RateAsync(user, new Rating("Explain recursion.", "A function calling itself, with a base case.", 5), Ct);
            await engine.RateAsync(user, new Rating("Explain recursion.", "It is complicated.", 2), Ct);
        }

        if (kind is "choice" or "all")
        {
            await engine.ChooseAsync(user, new Choice("Pick a headline.", ["Rates rise again", "Why your mortgage costs more", "Central bank moves"], 1), Ct);
        }
    }

    private static List<string> Describe(IReadOnlyList<Preference> preferences)
        => [.. preferences.Select(static p => $"{p.Id}|{p.Text}|{string.Join(',', p.Sources)}|{p.SupersededBy}|{p.Accepted}/{p.Rejected}|{p.Strength:0.###}|{p.Confidence:0.###}|{p.Scope.Text}|{p.Embedding.Length}")];
}
