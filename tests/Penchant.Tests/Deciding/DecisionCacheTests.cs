using Microsoft.Extensions.DependencyInjection;
using Penchant.Domain;

namespace Penchant.Deciding;

// Deleting is real deletion: what deciding keeps of a user's texts (embeddings by text, action sets) goes with the user.
public sealed class DecisionCacheTests
{
    // A word no lexicon or resource holds, so finding it anywhere means a user's text was kept.
    private const string Marker = "quillmarrow";

    private static readonly UserKey Dana = new("acme", "dana");
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ForgetUserAsync_AfterDecisionsWithTexts_LeavesNoneOfTheUsersWordsInAnyCache()
    {
        // Arrange: two decisions over actions with texts (the second by reference to the first's set), one rewarded.
        using ServiceProvider services = TestEngines.Create();
        IPenchant engine = services.GetRequiredService<IPenchant>();
        IDecider decider = services.GetRequiredService<IDecider>();
        DecisionAction[] actions = [new("a0", $"A {Marker} scarf in blue wool"), new("a1", "A cotton scarf in grey")];
        var context = new DecisionContext($"Gift ideas with {Marker} wrapping") { Features = [Feature.Category("season", "winter")] };
        DecisionResult first = await decider.DecideAsync(Dana, context, actions, cancellationToken: Ct);
        await decider.RewardAsync(Dana, first.DecisionId, 1.0, cancellationToken: Ct);
        await decider.DecideAsync(Dana, context, actions, cancellationToken: Ct);
        object[] roots = [decider, services.GetRequiredService<PolicyCache>(), services.GetRequiredService<DecisionFeaturizer>()];
        string? keptWhileKnown = ReachableText.Holds(Marker, roots);

        // Act
        await engine.ForgetUserAsync(Dana, Ct);

        // Assert: the walk reaches what deciding keeps (it finds the words while the user is known), and none is left after.
        Assert.NotNull(keptWhileKnown);
        Assert.Null(ReachableText.Holds(Marker, [.. roots, .. ReachableText.StaticFields()]));
    }
}
