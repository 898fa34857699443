using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;
using Penchant.Domain;
using Penchant.Signals;

namespace Penchant.AI;

/// <summary>The Agent Framework path: a real <see cref="ChatClientAgent"/> with the provider attached, over the recording fake model.</summary>
public sealed class PreferenceContextProviderTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RunAsync_PreferenceApplies_AgentSendsItAsInstructions()
    {
        // Arrange
        var model = new TestChatClient();
        IPenchant engine = fixture.CreateEngine();
        await engine.RememberAsync(UserKey.Create(UserKey.DefaultTenant, "dave"), new Statement("I'm vegetarian, never suggest meat."), Ct);
        var agent = new ChatClientAgent(model, new ChatClientAgentOptions { AIContextProviders = [new PreferenceContextProvider(engine)] });

        // Act
        await agent.RunAsync(new ChatMessage(ChatRole.User, "Propose a recipe for this evening's dinner.") { AuthorName = "dave" }, cancellationToken: Ct);

        // Assert
        var (messages, options) = model.Last;
        string sent = string.Join("\n", messages.Select(static m => m.Text)) + "\n" + options?.Instructions;
        Assert.Contains("vegetarian", sent, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task RunAsync_NothingApplies_AgentSendsNoPreferenceBlock()
    {
        var model = new TestChatClient();
        IPenchant engine = fixture.CreateEngine();
        await engine.RememberAsync(UserKey.Create(UserKey.DefaultTenant, "erin"), new Statement("I'm vegetarian, never suggest meat."), Ct);
        var agent = new ChatClientAgent(model, new ChatClientAgentOptions { AIContextProviders = [new PreferenceContextProvider(engine)] });

        await agent.RunAsync(new ChatMessage(ChatRole.User, "What is 17 times 3?") { AuthorName = "erin" }, cancellationToken: Ct);

        var (messages, options) = model.Last;
        string sent = string.Join("\n", messages.Select(static m => m.Text)) + "\n" + options?.Instructions;
        Assert.DoesNotContain("vegetarian", sent, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(PreferenceMiddlewareOptions.BlockStart, sent, StringComparison.Ordinal);
    }
}
