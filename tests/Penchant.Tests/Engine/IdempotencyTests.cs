using Microsoft.Extensions.DependencyInjection;
using Penchant.Deciding;
using Penchant.Domain;
using Penchant.Signals;
using Penchant.Testing;

namespace Penchant.Engine;

/// <summary>Idempotency keys live in the engine, once, for every signal and every host.</summary>
public sealed class IdempotencyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<Signal> Signals =>
    [
        new Statement("No emojis in any email to my manager."),
        new ConversationTurn("user", "On planes I go for aisle seats."),
        new Comparison("Summarize this.", "Short.", "Long and winding."),
        new Rating("Summarize this.", "Short.", 4),
        new Choice("Pick one.", ["A", "B"], 0),
        new Reaction("Thanks, perfect!") { Classification = new ReactionClassification(ReactionLabel.Satisfied, "thanks", 0.9) },
    ];

    [Theory]
    [MemberData(nameof(Signals))]
    public async Task RecordAsync_SameKeyTwice_WritesOnceAndReplaysTheFirstEvents(Signal signal)
    {
        // Arrange
        using ServiceProvider services = TestEngines.Create();
        IPenchant engine = services.GetRequiredService<IPenchant>();
        var user = new UserKey("acme", "kim");

        // Act
        WriteResult first = await engine.RecordAsync(user, [signal], "req-42", Ct);
        WriteResult second = await engine.RecordAsync(user, [signal], "req-42", Ct);

        // Assert
        Assert.False(first.Replayed);
        Assert.True(second.Replayed);
        Assert.Equal(first.Events.Select(static e => e.Id), second.Events.Select(static e => e.Id));
        Assert.Single(await ToListAsync(engine.ExportAsync(user, Ct)));
        Assert.Equal(first.Signals.Select(static s => s.GetType()), second.Signals.Select(static s => s.GetType()));
    }

    [Fact]
    public async Task RecordAsync_ReplayedReaction_AnswersWithTheFirstClassification()
    {
        // Arrange
        using ServiceProvider services = TestEngines.Create();
        IPenchant engine = services.GetRequiredService<IPenchant>();
        var user = new UserKey("acme", "kim");
        var recorded = new ReactionClassification(ReactionLabel.Dissatisfied, "too long", 0.8);
        await engine.RecordAsync(user, [new Reaction("Too long.") { Classification = recorded }], "req-7", Ct);

        // Act
        WriteResult retried = await engine.RecordAsync(user, [new Reaction("Too long.") { Classification = recorded }], "req-7", Ct);

        // Assert
        Reaction replayed = Assert.IsType<Reaction>(Assert.Single(retried.Signals));
        Assert.Equal(recorded, replayed.Classification);
    }

    [Fact]
    public async Task RecordAsync_KeyReusedForAnotherRequest_ThrowsAndWritesNothing()
    {
        // Arrange
        using ServiceProvider services = TestEngines.Create();
        IPenchant engine = services.GetRequiredService<IPenchant>();
        var user = new UserKey("acme", "kim");
        await engine.RecordAsync(user, [new Statement("I like tea.")], "req-1", Ct);

        // Act + Assert
        await Assert.ThrowsAsync<IdempotencyKeyReusedException>(() => engine.RecordAsync(user, [new Statement("I like coffee.")], "req-1", Ct));
        Assert.Single(await ToListAsync(engine.ExportAsync(user, Ct)));
    }

    public static TheoryData<Signal, Signal> ChangedRequests =>
    new()
    {
        { new Rating("Summarize this.", "Short.", 4), new Rating("Summarize this.", "Short.", 2) },
        { new Choice("Pick one.", ["A", "B"], 0), new Choice("Pick one.", ["A", "B"], 1) },
        { new Comparison("Summarize this.", "Short.", "Long."), new Comparison("Summarize this.", "Long.", "Short.") },
        { new Statement("No emojis.", Scope: "emails"), new Statement("No emojis.", Scope: "chats") },
        { new Reaction("Too long.") { AppliedPreferenceIds = ["pf_1"] }, new Reaction("Too long.") { AppliedPreferenceIds = ["pf_2"] } },
    };

    [Theory]
    [MemberData(nameof(ChangedRequests))]
    public async Task RecordAsync_SameKeySameTextOtherData_ThrowsAndWritesNothing(Signal first, Signal changed)
    {
        // Arrange
        using ServiceProvider services = TestEngines.Create();
        IPenchant engine = services.GetRequiredService<IPenchant>();
        var user = new UserKey("acme", "kim");
        await engine.RecordAsync(user, [first], "req-3", Ct);

        // Act + Assert
        await Assert.ThrowsAsync<IdempotencyKeyReusedException>(() => engine.RecordAsync(user, [changed], "req-3", Ct));
        Assert.Single(await ToListAsync(engine.ExportAsync(user, Ct)));
    }

    [Fact]
    public async Task RecordAsync_RetriedReactionClassifiedOtherwise_Replays()
    {
        // Arrange: a language model may classify a retried reaction differently; it is still the same request.
        using ServiceProvider services = TestEngines.Create();
        IPenchant engine = services.GetRequiredService<IPenchant>();
        var user = new UserKey("acme", "kim");
        var recorded = new ReactionClassification(ReactionLabel.Dissatisfied, "too long", 0.8);
        await engine.RecordAsync(user, [new Reaction("Too long.") { Classification = recorded }], "req-8", Ct);

        // Act
        WriteResult retried = await engine.RecordAsync(user, [new Reaction("Too long.") { Classification = ReactionClassification.Neutral }], "req-8", Ct);

        // Assert
        Assert.True(retried.Replayed);
        Assert.Equal(recorded, Assert.IsType<Reaction>(Assert.Single(retried.Signals)).Classification);
    }

    [Fact]
    public async Task RecordAsync_RetriedDecisionDrawnOtherwise_ReplaysButOtherActionsAreAnotherRequest()
    {
        // Arrange: a retry of a decision draws its slate again; the caller sent the same context and actions.
        using ServiceProvider services = TestEngines.Create();
        IPenchant engine = services.GetRequiredService<IPenchant>();
        var user = new UserKey("acme", "kim");
        var context = new DecisionContext("Front page");
        DecisionAction[] actions = [new("a", "Sports"), new("b", "Politics")];
        await engine.RecordAsync(user, [new Decision("d1", context, actions, [0], [0.6], [0.6, 0.4])], "d1", Ct);

        // Act
        WriteResult retried = await engine.RecordAsync(user, [new Decision("d1", context, actions, [1], [0.4], [0.6, 0.4])], "d1", Ct);

        // Assert
        Assert.True(retried.Replayed);
        Assert.Equal([0], Assert.IsType<Decision>(Assert.Single(retried.Signals)).Slate);
        DecisionAction[] others = [new("a", "Sports"), new("c", "Weather")];
        await Assert.ThrowsAsync<IdempotencyKeyReusedException>(
            () => engine.RecordAsync(user, [new Decision("d1", context, others, [0], [0.6], [0.6, 0.4])], "d1", Ct));
    }

    [Fact]
    public async Task RecordAsync_SameKeyForTwoUsersOrTenants_KeepsBothWrites()
    {
        // Arrange
        var store = new InMemoryPreferenceStore();
        using ServiceProvider services = TestEngines.Create(store);
        IPenchant engine = services.GetRequiredService<IPenchant>();
        UserKey[] users = [new("acme", "kim"), new("acme", "lee"), new("globex", "kim")];

        // Act
        foreach (UserKey user in users)
        {
            Assert.False((await engine.RecordAsync(user, [new Statement("I like tea.")], "shared-key", Ct)).Replayed);
        }

        // Assert
        foreach (UserKey user in users)
        {
            Assert.Single(await ToListAsync(engine.ExportAsync(user, Ct)));
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("é")]
    public async Task RecordAsync_MalformedKey_ThrowsArgumentException(string key)
    {
        using ServiceProvider services = TestEngines.Create();
        IPenchant engine = services.GetRequiredService<IPenchant>();
        var error = await Assert.ThrowsAsync<ArgumentException>(() => engine.RecordAsync(new UserKey("acme", "kim"), [new Statement("x")], key, Ct));
        Assert.Equal("key", error.ParamName);
    }

    [Fact]
    public async Task RecordAsync_KeyUsedByAnotherEngineOverTheSameStore_Replays()
    {
        // Arrange: two engines (two processes, as far as the cache goes) over one store.
        var store = new InMemoryPreferenceStore();
        using ServiceProvider a = TestEngines.Create(store);
        using ServiceProvider b = TestEngines.Create(store);
        var user = new UserKey("acme", "kim");
        WriteResult first = await a.GetRequiredService<IPenchant>().RecordAsync(user, [new Statement("I like tea.")], "req-9", Ct);

        // Act
        WriteResult retried = await b.GetRequiredService<IPenchant>().RecordAsync(user, [new Statement("I like tea.")], "req-9", Ct);

        // Assert
        Assert.True(retried.Replayed);
        Assert.Equal(first.Events[0].Id, retried.Events[0].Id);
    }

    private static async Task<List<PreferenceEvent>> ToListAsync(IAsyncEnumerable<PreferenceEvent> events)
    {
        var list = new List<PreferenceEvent>();
        await foreach (PreferenceEvent ev in events)
        {
            list.Add(ev);
        }

        return list;
    }
}
