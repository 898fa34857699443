using Microsoft.Extensions.Logging;
using Penchant.Domain;
using Penchant.Signals;

namespace Penchant.Engine;

public sealed class PenchantEngineTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    private static readonly UserKey Alice = new("acme", "alice");
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task RememberAsync_EmptyText_ThrowsAndChangesNothing(string text)
    {
        var (engine, _, _) = fixture.Create();
        await engine.RememberAsync(Alice, new Statement("On planes I go for aisle seats."), Ct);

        var ex = await Assert.ThrowsAnyAsync<ArgumentException>(() => engine.RememberAsync(Alice, new Statement(text), Ct));

        Assert.Equal("statement", ex.ParamName);
        Assert.Single(await engine.ListAsync(Alice, Ct));
        Assert.Single(await engine.ExportAsync(Alice, Ct).ToListAsync(Ct));
    }

    [Fact]
    public async Task RememberAsync_OversizedText_Throws()
    {
        var (engine, _, _) = fixture.Create(o => o.MaxTextLength = 100);

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => engine.RememberAsync(Alice, new Statement(new string('a', 101)), Ct));

        Assert.Contains("limit", ex.Message, StringComparison.Ordinal);
        Assert.Empty(await engine.ListAsync(Alice, Ct));
    }

    [Fact]
    public async Task RememberAsync_SameThingTwice_OnePreferenceWithTwoSources()
    {
        var (engine, _, _) = fixture.Create();
        WriteResult first = await engine.RememberAsync(Alice, new Statement("I don't eat pork."), Ct);

        WriteResult second = await engine.RememberAsync(Alice, new Statement("Reminder: I do not eat pork."), Ct);

        Preference only = Assert.Single(await engine.ListAsync(Alice, Ct));
        Assert.Equal([first.Events[0].Id, second.Events[0].Id], only.Sources);
        Assert.Single(second.Reinforced);
        Assert.Empty(second.Created);
    }

    [Fact]
    public async Task RememberAsync_SameObjectInOtherWords_MergesWhateverTheWordingsPolarity()
    {
        // "No tabs" makes the second wording negative; both are about four-space indentation (MiniLM: 0.50, below 0.75).
        var (engine, _, _) = fixture.Create();
        WriteResult first = await engine.RememberAsync(Alice, new Statement("Indent code with 4 spaces."), Ct);

        WriteResult second = await engine.RememberAsync(Alice, new Statement("No tabs in my code, four spaces per level."), Ct);

        Preference only = Assert.Single(await engine.ListAsync(Alice, Ct));
        Assert.Equal([first.Events[0].Id, second.Events[0].Id], only.Sources);
    }

    [Fact]
    public async Task RememberAsync_LookAlikePreferencesAboutDifferentThings_StaySeparate()
    {
        // Arrange: close in meaning (MiniLM puts "allergic to peanuts" and "allergic to dogs" at 0.66), different objects or conditions.
        var (engine, _, _) = fixture.Create();
        string[] statements =
        [
            "I have a peanut allergy.", "I'm allergic to dogs.", "Penicillin gives me a nasty reaction.",
            "Meetings suit me best before noon.", "No meetings on Fridays, that's my day for focus.",
            "My coffee is always black.", "I drink no coffee after 3pm.",
        ];

        // Act
        foreach (string statement in statements)
        {
            await engine.RememberAsync(Alice, new Statement(statement), Ct);
        }

        // Assert
        IReadOnlyList<Preference> kept = await engine.ListAsync(Alice, Ct);
        Assert.Equal(statements.Length, kept.Count);
        Assert.All(kept, static p => Assert.Single(p.Sources));
    }

    [Fact]
    public async Task RememberAsync_Revision_SupersedesOnlyTheRevisedPreference()
    {
        // Arrange
        var (engine, _, _) = fixture.Create();
        await engine.RememberAsync(Alice, new Statement("I'm vegetarian."), Ct);
        await engine.RememberAsync(Alice, new Statement("When I fly I want an aisle seat."), Ct);
        await engine.RememberAsync(Alice, new Statement("I write all my code in C#."), Ct);

        // Act
        WriteResult update = await engine.RememberAsync(Alice, new Statement("I've started eating fish again."), Ct);

        // Assert
        Preference retired = Assert.Single(update.Superseded);
        Assert.Equal("I'm vegetarian.", retired.Text);
        IReadOnlyList<Preference> current = await engine.ListAsync(Alice, Ct);
        Assert.Equal(3, current.Count);
        Assert.DoesNotContain(current, p => p.Text == "I'm vegetarian.");
        IReadOnlyList<Preference> history = await engine.HistoryAsync(Alice, Ct);
        Preference old = Assert.Single(history, p => p.Text == "I'm vegetarian.");
        Assert.Equal(update.Created[0].Id, old.SupersededBy);

        Selection selection = await engine.SelectAsync(Alice, new RequestContext("Propose a recipe for this evening's dinner."), Ct);
        Assert.DoesNotContain(selection.Preferences, s => s.Preference.Id == old.Id);
    }

    [Theory]
    [InlineData("I moved my runs to the evenings, the mornings are too dark now.", true)]
    [InlineData("I run on Sundays too.", false)]
    public async Task RememberAsync_TooBeforeAnAdjective_IsNoAddition(string update, bool supersedes)
    {
        var (engine, _, _) = fixture.Create();
        await engine.RememberAsync(Alice, new Statement("I go running every morning at 6."), Ct);

        WriteResult result = await engine.RememberAsync(Alice, new Statement(update), Ct);

        Assert.Equal(supersedes ? 1 : 0, result.Superseded.Count);
    }

    [Fact]
    public async Task ObserveAsync_QuestionsChitChatAndCode_YieldNothing()
    {
        var (engine, _, _) = fixture.Create();
        ConversationTurn[] turns =
        [
            new("user", "hi there, how are you?"),
            new("assistant", "I'm well, thanks! How can I help?"),
            new("user", "Can you write a Python function that reverses a string?"),
            new("assistant", "def reverse(s):\n    return s[::-1]"),
            new("user", "```csharp\nvar x = new List<int> { 1, 2, 3 };\nConsole.WriteLine(x.Count);\n```"),
            new("user", "What is the capital of Peru?"),
            new("user", "thanks, that's great"),
            new("user", "Why does my Go code give a different result every time I run the tests? It worked fine last week."),
        ];

        WriteResult result = await engine.ObserveAsync(Alice, turns, Ct);

        Assert.Equal(turns.Length, result.Events.Count);
        Assert.Empty(result.Created);
        Assert.Empty(await engine.ListAsync(Alice, Ct));
    }

    [Fact]
    public async Task ObserveAsync_TurnStatingPreference_IsExtractedWithItsSource()
    {
        var (engine, _, _) = fixture.Create();

        WriteResult result = await engine.ObserveAsync(Alice,
        [
            new("user", "I have a severe peanut allergy, so keep peanuts out of anything you suggest."),
            new("assistant", "Understood."),
            new("user", "How do I center a div in CSS?"),
        ], Ct);

        Preference preference = Assert.Single(result.Created);
        Assert.Equal([result.Events[0].Id], preference.Sources);
        Assert.Equal(Polarity.Negative, preference.Polarity);
        Assert.Equal(1.0, preference.Strength);
    }

    [Fact]
    public async Task SelectAsync_NoPreferences_ReturnsEmptySelection()
    {
        var (engine, _, _) = fixture.Create();

        Selection selection = await engine.SelectAsync(Alice, new RequestContext("Plan a trip to Rome."), Ct);

        Assert.True(selection.IsEmpty);
        Assert.Equal(string.Empty, selection.PromptBlock);
    }

    [Fact]
    public async Task SelectAsync_StatedDiet_AppliesToRestaurantsAndNotToCode()
    {
        var (engine, _, _) = fixture.Create();
        WriteResult gluten = await engine.RememberAsync(Alice, new Statement("I strictly avoid gluten."), Ct);
        await engine.RememberAsync(Alice, new Statement("Write my code samples in TypeScript."), Ct);

        Selection food = await engine.SelectAsync(Alice, new RequestContext("Where should I eat dinner in Rome tonight?"), Ct);
        Selection code = await engine.SelectAsync(Alice, new RequestContext("Explain how to debounce a function call."), Ct);

        SelectedPreference hit = Assert.Single(food.Preferences, s => s.Sources.Contains(gluten.Events[0].Id));
        Assert.InRange(hit.Probability, 0.0, 1.0);
        Assert.NotEmpty(hit.Reasons);
        Assert.Contains("I strictly avoid gluten.", food.PromptBlock, StringComparison.Ordinal);
        Assert.DoesNotContain(code.Preferences, s => s.Sources.Contains(gluten.Events[0].Id));
    }

    [Fact]
    public async Task SelectAsync_ScopedFeedback_DoesNotFireOutsideItsScope()
    {
        var (engine, _, _) = fixture.Create();
        await engine.RememberAsync(Alice, new Statement("No emojis in any email to my manager."), Ct);
        await engine.RememberAsync(Alice, new Statement("Meetings suit me best before noon."), Ct);

        Selection boss = await engine.SelectAsync(Alice, new RequestContext("Write an email to my manager asking for Friday off."), Ct);
        Selection friend = await engine.SelectAsync(Alice, new RequestContext("Write an email to my friend Sam about the party on Saturday."), Ct);

        Assert.Contains(boss.Preferences, s => s.Preference.Text.StartsWith("No emojis", StringComparison.Ordinal));
        Assert.DoesNotContain(friend.Preferences, s => s.Preference.Text.StartsWith("No emojis", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SelectAsync_ScopedPreferenceInScope_OutranksTheGeneralOneItContradicts()
    {
        var (engine, _, _) = fixture.Create();
        await engine.RememberAsync(Alice, new Statement("I really love garlic, the more of it the better."), Ct);
        await engine.RememberAsync(Alice, new Statement("If I'm cooking for my in-laws, no garlic at all."), Ct);

        Selection inLaws = await engine.SelectAsync(Alice, new RequestContext("What could I cook for my in-laws this Sunday?"), Ct);
        Selection me = await engine.SelectAsync(Alice, new RequestContext("Give me a pasta recipe for tonight, just for me."), Ct);

        SelectedPreference only = Assert.Single(inLaws.Preferences);
        Assert.Contains("in-laws", only.Preference.Text, StringComparison.Ordinal);
        Assert.Contains(me.Preferences, s => s.Preference.Text.StartsWith("I really love garlic", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SelectAsync_ChainedRule_BringsInThePreferencesOfTheAreaItPointsTo()
    {
        var (engine, _, _) = fixture.Create();
        await engine.RememberAsync(Alice, new Statement("When I book concert tickets, also find a hotel close by."), Ct);
        await engine.RememberAsync(Alice, new Statement("For hotels I want a free cancellation policy."), Ct);
        await engine.RememberAsync(Alice, new Statement("I write all my code in C#."), Ct);

        Selection selection = await engine.SelectAsync(Alice, new RequestContext("Book me tickets for the Muse concert in Munich."), Ct);

        Assert.Contains(selection.Preferences, s => s.Preference.Text.StartsWith("When I book concert", StringComparison.Ordinal));
        SelectedPreference hotel = Assert.Single(selection.Preferences, s => s.Preference.Text.StartsWith("For hotels", StringComparison.Ordinal));
        Assert.Contains(hotel.Reasons, r => r.StartsWith("brought in by the rule", StringComparison.Ordinal));
        Assert.DoesNotContain(selection.Preferences, s => s.Preference.Text.Contains("C#", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SelectAsync_RequestOverridesAPreferenceForOnce_LeavesItOut()
    {
        var (engine, _, _) = fixture.Create();
        await engine.RememberAsync(Alice, new Statement("Please don't recommend horror movies."), Ct);

        Selection usual = await engine.SelectAsync(Alice, new RequestContext("Recommend some movies for tonight."), Ct);
        Selection once = await engine.SelectAsync(Alice, new RequestContext("Friends are over for Halloween, give me some horror films, just for tonight."), Ct);

        Assert.Single(usual.Preferences);
        Assert.Empty(once.Preferences);
    }

    [Fact]
    public async Task SelectAsync_RequestAskingForAnotherValue_OverridesThePreferenceWithoutACue()
    {
        var (engine, _, _) = fixture.Create();
        await engine.RememberAsync(Alice, new Statement("Keep code examples in Python."), Ct);
        await engine.RememberAsync(Alice, new Statement("Use descriptive variable names, never single letters."), Ct);

        Selection usual = await engine.SelectAsync(Alice, new RequestContext("Write a function that reverses a linked list."), Ct);
        Selection python = await engine.SelectAsync(Alice, new RequestContext("Show me how to reverse a linked list in Python."), Ct);
        Selection java = await engine.SelectAsync(Alice, new RequestContext("Write a Java function that reverses a linked list."), Ct);
        Selection both = await engine.SelectAsync(Alice, new RequestContext("Port this Java function that reverses a linked list to Python."), Ct);

        Assert.Contains(usual.Preferences, s => s.Preference.Text.StartsWith("Keep code examples", StringComparison.Ordinal));
        Assert.Contains(python.Preferences, s => s.Preference.Text.StartsWith("Keep code examples", StringComparison.Ordinal));
        Assert.DoesNotContain(java.Preferences, s => s.Preference.Text.StartsWith("Keep code examples", StringComparison.Ordinal));
        Assert.Contains(both.Preferences, s => s.Preference.Text.StartsWith("Keep code examples", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SelectAsync_PromptBlock_StaysWithinTokenBudget()
    {
        var (engine, _, _) = fixture.Create(o => o.PromptTokenBudget = 40);
        await engine.RememberAsync(Alice, new Statement("I'm allergic to shellfish, so never suggest dishes with shrimp, crab or lobster."), Ct);
        await engine.RememberAsync(Alice, new Statement("I'm vegetarian and I love spicy food from Sichuan and Thailand."), Ct);

        Selection selection = await engine.SelectAsync(Alice, new RequestContext("Propose a recipe for this evening's dinner."), Ct);

        Assert.NotEmpty(selection.Preferences);
        Assert.True(selection.PromptBlock.Length <= 40 * 4, selection.PromptBlock);
    }

    [Fact]
    public async Task ForgetAsync_RedactsSources_SoRebuildCannotBringItBack()
    {
        // Arrange
        var (engine, _, _) = fixture.Create();
        WriteResult secret = await engine.RememberAsync(Alice, new Statement("I'm pregnant, so no alcohol in recipes."), Ct);
        await engine.RememberAsync(Alice, new Statement("On planes I go for aisle seats."), Ct);

        // Act
        await engine.ForgetAsync(Alice, secret.Created[0].Id, Ct);
        IReadOnlyList<Preference> rebuilt = await engine.RebuildAsync(Alice, Ct);

        // Assert
        Assert.DoesNotContain(rebuilt, p => p.Text.Contains("pregnant", StringComparison.Ordinal));
        Assert.Single(rebuilt);
        List<PreferenceEvent> log = await engine.ExportAsync(Alice, Ct).ToListAsync(Ct);
        Assert.DoesNotContain(log, e => e.Text?.Contains("pregnant", StringComparison.Ordinal) == true);
        Assert.Contains(log, e => e.Id == secret.Events[0].Id && e.Redacted);
        Assert.Contains(log, e => e.Kind == EventKind.Retraction && e.Target == secret.Created[0].Id);
    }

    [Fact]
    public async Task ForgetAsync_UnknownPreference_ThrowsNotFound()
    {
        var (engine, _, _) = fixture.Create();
        await engine.RememberAsync(Alice, new Statement("On planes I go for aisle seats."), Ct);

        await Assert.ThrowsAsync<NotFoundException>(() => engine.ForgetAsync(Alice, "pf_missing", Ct));

        Assert.Single(await engine.ExportAsync(Alice, Ct).ToListAsync(Ct));
    }

    [Fact]
    public async Task ForgetUserAsync_RemovesEverything_AndOtherTenantsKeepTheirs()
    {
        var (engine, _, _) = fixture.Create();
        var sameIdOtherTenant = new UserKey("globex", "alice");
        await engine.RememberAsync(Alice, new Statement("On planes I go for aisle seats."), Ct);
        await engine.RememberAsync(sameIdOtherTenant, new Statement("On trains I go for window seats."), Ct);

        bool existed = await engine.ForgetUserAsync(Alice, Ct);

        Assert.True(existed);
        Assert.Empty(await engine.HistoryAsync(Alice, Ct));
        Assert.Empty(await engine.ExportAsync(Alice, Ct).ToListAsync(Ct));
        Assert.Equal("On trains I go for window seats.", Assert.Single(await engine.ListAsync(sameIdOtherTenant, Ct)).Text);
        Assert.False(await engine.ForgetUserAsync(Alice, Ct));
    }

    [Fact]
    public async Task ExportThenImport_IntoAnotherUser_ReproducesThePreferences()
    {
        var (engine, _, _) = fixture.Create();
        await engine.RememberAsync(Alice, new Statement("I'm vegetarian."), Ct);
        await engine.RememberAsync(Alice, new Statement("When I book hotels I want free cancellation."), Ct);
        await engine.RememberAsync(Alice, new Statement("I've started eating fish again."), Ct);
        List<PreferenceEvent> exported = await engine.ExportAsync(Alice, Ct).ToListAsync(Ct);
        var bob = new UserKey("acme", "bob");

        await engine.ImportAsync(bob, exported, Ct);

        Assert.Equal(
            (await engine.HistoryAsync(Alice, Ct)).Select(p => (p.Id, p.Text, p.SupersededBy)),
            (await engine.HistoryAsync(bob, Ct)).Select(p => (p.Id, p.Text, p.SupersededBy)));
    }

    [Fact]
    public async Task ImportAsync_DuplicateIds_ThrowsAndChangesNothing()
    {
        var (engine, _, _) = fixture.Create();
        await engine.RememberAsync(Alice, new Statement("On planes I go for aisle seats."), Ct);
        List<PreferenceEvent> before = await engine.ExportAsync(Alice, Ct).ToListAsync(Ct);

        await Assert.ThrowsAsync<ArgumentException>(() => engine.ImportAsync(Alice, before, Ct));
        PreferenceEvent fresh = before[0] with { Id = "ev_new" };
        await Assert.ThrowsAsync<ArgumentException>(() => engine.ImportAsync(Alice, [fresh, fresh], Ct));

        Assert.Equal(before, await engine.ExportAsync(Alice, Ct).ToListAsync(Ct));
    }

    [Fact]
    public async Task RebuildAsync_ReplaysTheLog_ToTheSamePreferences()
    {
        var (engine, _, _) = fixture.Create();
        await engine.ObserveAsync(Alice, [new("user", "I can't stand horror movies."), new("assistant", "Noted.")], Ct);
        await engine.RememberAsync(Alice, new Statement("I live in Boston."), Ct);
        await engine.RememberAsync(Alice, new Statement("We moved to Denver a month ago."), Ct);
        IReadOnlyList<Preference> before = await engine.HistoryAsync(Alice, Ct);

        await engine.RebuildAsync(Alice, Ct);

        Assert.Equal(before.Select(p => (p.Id, p.Text, p.SupersededBy)), (await engine.HistoryAsync(Alice, Ct)).Select(p => (p.Id, p.Text, p.SupersededBy)));
    }

    [Fact]
    public async Task ConcurrentWrites_ForOneUser_AreAllKept()
    {
        var (engine, _, _) = fixture.Create();
        string[] topics = ["aisle seats", "jazz", "green tea", "Python", "hiking", "sci-fi novels", "early meetings", "linen shirts"];

        await Task.WhenAll(topics.Select(t => engine.RememberAsync(Alice, new Statement($"I really like {t}."), Ct)));

        List<PreferenceEvent> log = await engine.ExportAsync(Alice, Ct).ToListAsync(Ct);
        Assert.Equal(topics.Length, log.Count);
        Assert.Equal(Enumerable.Range(1, topics.Length).Select(i => (long)i), log.Select(e => e.Sequence));
    }

    [Fact]
    public async Task Logs_NeverContainUserContentAboveTrace()
    {
        var (engine, _, logs) = fixture.Create();
        const string Secret = "I'm allergic to penicillin and kiwi.";

        await engine.RememberAsync(Alice, new Statement(Secret), Ct);
        await engine.SelectAsync(Alice, new RequestContext("Suggest a fruit salad recipe."), Ct);

        IReadOnlyList<Microsoft.Extensions.Logging.Testing.FakeLogRecord> records = logs.GetSnapshot();
        Assert.Contains(records, r => r.Level == LogLevel.Trace && r.Message.Contains(Secret, StringComparison.Ordinal));
        Assert.DoesNotContain(records, r => r.Level > LogLevel.Trace && r.Message.Contains("penicillin", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Operations_InvalidUser_ThrowArgumentException()
    {
        var (engine, _, _) = fixture.Create();

        await Assert.ThrowsAnyAsync<ArgumentException>(() => engine.ListAsync(new UserKey("acme", " "), Ct));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => engine.SelectAsync(new UserKey("", "bob"), new RequestContext("hi"), Ct));
    }
}
