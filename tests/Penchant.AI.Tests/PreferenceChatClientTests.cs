using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Penchant.Domain;
using Penchant.Signals;

namespace Penchant.AI;

public sealed class PreferenceChatClientTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ChatOptions For(string user) => new() { AdditionalProperties = new() { [PreferenceMiddlewareOptions.UserPropertyName] = user } };

    [Fact]
    public async Task GetResponseAsync_PreferenceStatedEarlier_InjectedAsDelimitedSystemBlock()
    {
        // Arrange
        var model = new TestChatClient();
        IPenchant engine = fixture.CreateEngine();
        using IChatClient client = new ChatClientBuilder(model).UsePreferences(engine).Build();
        List<ChatMessage> history = [new(ChatRole.System, "You are a helpful assistant."), new(ChatRole.User, "I'm vegetarian, so never suggest meat dishes.")];
        ChatResponse first = await client.GetResponseAsync(history, For("alice"), Ct);
        history.AddMessages(first);
        history.Add(new ChatMessage(ChatRole.User, "Propose a recipe for this evening's dinner."));

        // Act
        await client.GetResponseAsync(history, For("alice"), Ct);

        // Assert
        IReadOnlyList<ChatMessage> sent = model.Last.Messages;
        Assert.Equal(history.Count + 1, sent.Count);
        Assert.Equal(ChatRole.System, sent[1].Role);
        Assert.StartsWith(PreferenceMiddlewareOptions.BlockStart, sent[1].Text, StringComparison.Ordinal);
        Assert.EndsWith(PreferenceMiddlewareOptions.BlockEnd, sent[1].Text, StringComparison.Ordinal);
        Assert.Contains("vegetarian", sent[1].Text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("You are a helpful assistant.", sent[0].Text);
    }

    [Fact]
    public async Task GetResponseAsync_NothingApplies_SendsTheCallersMessagesUnchanged()
    {
        var model = new TestChatClient();
        using IChatClient client = new ChatClientBuilder(model).UsePreferences(fixture.CreateEngine()).Build();
        List<ChatMessage> messages = [new(ChatRole.User, "What is 17 times 3?")];

        await client.GetResponseAsync(messages, For("bob"), Ct);

        Assert.Equal(messages, model.Last.Messages);
        Assert.DoesNotContain(model.Last.Messages, static m => m.Role == ChatRole.System);
    }

    [Fact]
    public async Task GetResponseAsync_Injecting_NeverMutatesTheCallersMessagesOrOptions()
    {
        var model = new TestChatClient();
        IPenchant engine = fixture.CreateEngine();
        await engine.RememberAsync(UserKey.Create(UserKey.DefaultTenant, "carol"), new Statement("I have a peanut allergy."), Ct);
        using IChatClient client = new ChatClientBuilder(model).UsePreferences(engine).Build();
        List<ChatMessage> messages = [new(ChatRole.User, "Give me a recipe for satay sauce.")];
        ChatOptions options = For("carol");
        options.Temperature = 0.2f;

        await client.GetResponseAsync(messages, options, Ct);

        Assert.Single(messages);
        Assert.Single(options.AdditionalProperties!);
        Assert.Equal(0.2f, options.Temperature);
        Assert.Same(options, model.Last.Options);
        Assert.Contains(model.Last.Messages, static m => m.Role == ChatRole.System && m.Text.Contains("peanut", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task GetResponseAsync_NoUser_PassesThroughAndLearnsNothing()
    {
        var model = new TestChatClient();
        IPenchant engine = fixture.CreateEngine();
        using IChatClient client = new ChatClientBuilder(model).UsePreferences(engine).Build();

        await client.GetResponseAsync([new ChatMessage(ChatRole.User, "I hate emojis, never use them.")], cancellationToken: Ct);

        Assert.Single(model.Last.Messages);
        Assert.Empty(await engine.ListAsync(UserKey.Create(UserKey.DefaultTenant, "anyone"), Ct));
    }

    [Fact]
    public async Task UserResolver_Custom_IdentifiesTheUserFromMessages()
    {
        var model = new TestChatClient();
        IPenchant engine = fixture.CreateEngine();
        using IChatClient client = new ChatClientBuilder(model)
            .UsePreferences(engine, c => c.Options.UserResolver = static (messages, _) => UserKey.Create("shop", messages[0].AuthorName!))
            .Build();

        await client.GetResponseAsync([new ChatMessage(ChatRole.User, "I always prefer aisle seats when I fly.") { AuthorName = "dave" }], cancellationToken: Ct);

        Preference stored = Assert.Single(await engine.ListAsync(UserKey.Create("shop", "dave"), Ct));
        Assert.Contains("aisle", stored.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(PreferencePlacement.AfterSystemMessages, 1)]
    [InlineData(PreferencePlacement.First, 0)]
    [InlineData(PreferencePlacement.BeforeLastUserMessage, 3)]
    public async Task Placement_PutsTheBlockWhereConfigured(PreferencePlacement placement, int expectedIndex)
    {
        var model = new TestChatClient();
        IPenchant engine = fixture.CreateEngine();
        await engine.RememberAsync(UserKey.Create(UserKey.DefaultTenant, "erin"), new Statement("I prefer a window seat on the train."), Ct);
        using IChatClient client = new ChatClientBuilder(model).UsePreferences(engine, c => c.Options.Placement = placement).Build();
        List<ChatMessage> messages =
        [
            new(ChatRole.System, "Be brief."),
            new(ChatRole.User, "Hi!"),
            new(ChatRole.Assistant, "Hello! How can I help?"),
            new(ChatRole.User, "Book me a seat on the train to Lyon tomorrow."),
        ];

        await client.GetResponseAsync(messages, For("erin"), Ct);

        ChatMessage block = model.Last.Messages[expectedIndex];
        Assert.Equal(ChatRole.System, block.Role);
        Assert.StartsWith(PreferenceMiddlewareOptions.BlockStart, block.Text, StringComparison.Ordinal);
        Assert.Equal(messages.Count + 1, model.Last.Messages.Count);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_InjectsAndStreamsEveryUpdate()
    {
        var model = new TestChatClient { Respond = static (_, _) => "one two three" };
        IPenchant engine = fixture.CreateEngine();
        await engine.RememberAsync(UserKey.Create(UserKey.DefaultTenant, "fay"), new Statement("I'm vegan."), Ct);
        using IChatClient client = new ChatClientBuilder(model).UsePreferences(engine).Build();

        List<ChatResponseUpdate> updates = [];
        await foreach (ChatResponseUpdate update in client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "What could I make for dinner?")], For("fay"), Ct))
        {
            updates.Add(update);
        }

        Assert.Equal(3, updates.Count);
        Assert.Equal("one two three", updates.ToChatResponse().Text.Trim());
        Assert.Contains(model.Last.Messages, static m => m.Role == ChatRole.System && m.Text.Contains("vegan", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Reaction_CorrectionAfterAnswer_LowersAcceptanceAndBecomesScopedPreference()
    {
        // Arrange: a preference is applied to an answer
        var model = new TestChatClient { Respond = static (_, _) => "🚀 Big news!!! 🎉 Our app is LIVE 🙌 Download it today and tell all your friends about it!" };
        IPenchant engine = fixture.CreateEngine();
        UserKey gus = UserKey.Create(UserKey.DefaultTenant, "gus");
        await engine.RememberAsync(gus, new Statement("For social media posts, I like an upbeat, energetic tone."), Ct);
        using IChatClient client = new ChatClientBuilder(model).UsePreferences(engine).Build();
        List<ChatMessage> history = [new(ChatRole.User, "Write a social media post announcing our new app.")];
        ChatResponse answer = await client.GetResponseAsync(history, For("gus"), Ct);
        history.AddMessages(answer);
        Preference applied = Assert.Single(await engine.ListAsync(gus, Ct));
        Assert.Contains(applied.Id, (string)answer.Messages[0].AdditionalProperties![PreferenceMiddlewareOptions.AppliedPropertyName]!, StringComparison.Ordinal);

        // Act: the user corrects it
        history.Add(new ChatMessage(ChatRole.User, "Way too long. Shorter, and no emojis."));
        await client.GetResponseAsync(history, For("gus"), Ct);

        // Assert
        IReadOnlyList<Preference> after = await engine.ListAsync(gus, Ct);
        Preference lowered = Assert.Single(after, p => p.Id == applied.Id);
        Assert.Equal(1, lowered.Rejected);
        Assert.True(lowered.Acceptance < 0.5);
        Preference wish = Assert.Single(after, p => p.Text.Contains("no emojis", StringComparison.OrdinalIgnoreCase));
        Assert.Equal("Write a social media post announcing our new app.", wish.Scope.Text);
        PreferenceEvent reaction = Assert.Single(await engine.ExportAsync(gus, Ct).Where(static e => e.Kind == EventKind.Reaction).ToListAsync(Ct));
        Assert.Contains("\"dissatisfied\"", reaction.Data, StringComparison.Ordinal);
        Assert.Contains(applied.Id, reaction.Data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reaction_Thanks_RaisesAcceptance()
    {
        var model = new TestChatClient { Respond = static (_, _) => "Try the lentil curry with rice." };
        IPenchant engine = fixture.CreateEngine();
        UserKey hana = UserKey.Create(UserKey.DefaultTenant, "hana");
        await engine.RememberAsync(hana, new Statement("I'm vegetarian."), Ct);
        using IChatClient client = new ChatClientBuilder(model).UsePreferences(engine).Build();
        List<ChatMessage> history = [new(ChatRole.User, "What could I cook for supper tonight?")];
        history.AddMessages(await client.GetResponseAsync(history, For("hana"), Ct));
        history.Add(new ChatMessage(ChatRole.User, "Perfect, thank you! Making it now."));

        await client.GetResponseAsync(history, For("hana"), Ct);

        Preference p = Assert.Single(await engine.ListAsync(hana, Ct));
        Assert.Equal(1, p.Accepted);
        Assert.Equal(0, p.Rejected);
    }

    [Fact]
    public async Task GetResponseAsync_EngineFails_FailsOpenWithoutPreferences()
    {
        var model = new TestChatClient();
        IPenchant engine = fixture.CreateEngine();
        using IChatClient client = new ChatClientBuilder(model).UsePreferences(engine).Build();
        ChatOptions options = new() { AdditionalProperties = new() { [PreferenceMiddlewareOptions.UserPropertyName] = new UserKey("", "") } };

        ChatResponse response = await client.GetResponseAsync([new ChatMessage(ChatRole.User, "Hello")], options, Ct);

        Assert.Equal("Here you go.", response.Text);
        Assert.Single(model.Last.Messages);
    }

    [Fact]
    public async Task GetResponseAsync_FailOpenOff_Throws()
    {
        var model = new TestChatClient();
        using IChatClient client = new ChatClientBuilder(model).UsePreferences(fixture.CreateEngine(), c => c.Options.FailOpen = false).Build();
        ChatOptions options = new() { AdditionalProperties = new() { [PreferenceMiddlewareOptions.UserPropertyName] = new UserKey("", "") } };

        await Assert.ThrowsAnyAsync<ArgumentException>(() => client.GetResponseAsync([new ChatMessage(ChatRole.User, "Hello")], options, Ct));
        Assert.Empty(model.Requests);
    }

    [Fact]
    public async Task UsePreferences_ResolvesTheEngineFromServices()
    {
        var model = new TestChatClient();
        IServiceProvider services = fixture.CreateServices();
        await services.GetRequiredService<IPenchant>().RememberAsync(UserKey.Create(UserKey.DefaultTenant, "ivy"), new Statement("I'm vegan."), Ct);
        using IChatClient client = new ChatClientBuilder(model).UsePreferences().Build(services);

        await client.GetResponseAsync([new ChatMessage(ChatRole.User, "Suggest a dessert recipe.")], For("ivy"), Ct);

        Assert.Contains(model.Last.Messages, static m => m.Role == ChatRole.System);
        Assert.NotNull(client.GetService<PreferenceChatClient>());
    }

    [Fact]
    public void UsePreferences_NoEngineRegistered_ThrowsWithFix()
    {
        var services = new ServiceCollection().BuildServiceProvider();

        var ex = Assert.Throws<InvalidOperationException>(() => new ChatClientBuilder(new TestChatClient()).UsePreferences().Build(services));

        Assert.Contains("AddPenchant", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UsePreferences_NullBuilder_Throws()
    {
        var ex = Assert.Throws<ArgumentNullException>(() => PreferenceChatClientBuilderExtensions.UsePreferences(null!));
        Assert.Equal("builder", ex.ParamName);
    }
}
