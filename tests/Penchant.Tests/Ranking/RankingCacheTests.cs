using Microsoft.Extensions.DependencyInjection;
using Penchant.Domain;
using Penchant.Signals;
using Penchant.Storage;

namespace Penchant.Ranking;

// Deleting is real deletion: what ranking keeps of a user's words lives in the user's state and goes with it.
public sealed class RankingCacheTests
{
    // A word no lexicon or resource holds, so finding it anywhere means a user's text was kept.
    private const string Marker = "quibbletwine";

    private static readonly UserKey Carol = new("acme", "carol");
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] Candidates =
    [
        "Tie the tomato stems with " + Marker + " string.",
        "Tie the tomato stems with soft cloth strips.",
    ];

    [Fact]
    public async Task ForgetUserAsync_AfterRanking_LeavesNoneOfTheUsersWordsInAnyCache()
    {
        // Arrange
        using ServiceProvider services = TestEngines.Create();
        IPenchant engine = services.GetRequiredService<IPenchant>();
        await engine.RememberAsync(Carol, new Statement($"I avoid {Marker} string in the garden."), Ct);
        await engine.RankAsync(Carol, new RequestContext("How should I support my tomato plants in the garden?"), Candidates, Ct);
        object ranking = services.GetRequiredService<RankingQuery>();
        string? keptWhileKnown = ReachableText.Holds(Marker, [ranking]);

        // Act
        await engine.ForgetUserAsync(Carol, Ct);

        // Assert: the walk reaches what ranking keeps (it finds the words while the user is known), and none is left after.
        Assert.NotNull(keptWhileKnown);
        Assert.Null(ReachableText.Holds(Marker, [ranking, .. ReachableText.StaticFields()]));
    }

    [Fact]
    public async Task ForgetAsync_APreference_RankingKeepsNoneOfItsWords()
    {
        // Arrange
        using ServiceProvider services = TestEngines.Create();
        IPenchant engine = services.GetRequiredService<IPenchant>();
        await engine.RememberAsync(Carol, new Statement($"I avoid {Marker} string in the garden."), Ct);
        await engine.RememberAsync(Carol, new Statement("I prefer bamboo canes for climbing plants."), Ct);
        var request = new RequestContext("How should I support my tomato plants in the garden?");
        await engine.RankAsync(Carol, request, Candidates, Ct);
        Preference marked = (await engine.HistoryAsync(Carol, Ct)).Single(static p => p.IsCurrent && p.Text.Contains(Marker, StringComparison.Ordinal));

        // Act
        await engine.ForgetAsync(Carol, marked.Id, Ct);
        await engine.RankAsync(Carol, request, ["Use bamboo canes.", "Use metal stakes."], Ct);

        // Assert
        object ranking = services.GetRequiredService<RankingQuery>();
        Assert.Null(ReachableText.Holds(Marker, [ranking, .. ReachableText.StaticFields()]));
    }

    [Fact]
    public void KeepDerived_TwoKinds_KeepsBothAndReplacesOnlyTheSameKind()
    {
        var snapshot = new UserSnapshot(UserState.Empty);
        var first = new RankingUser();
        var second = new RankingUser();
        var other = new List<int>();

        snapshot.KeepDerived(first);
        snapshot.KeepDerived(other);
        snapshot.KeepDerived(second);

        Assert.Same(second, snapshot.Derived<RankingUser>());
        Assert.Same(other, snapshot.Derived<List<int>>());
        Assert.Null(snapshot.Derived<string>());
    }

    [Fact]
    public void KnowledgeOf_ManyObjects_KeepsAtMostTheBound()
    {
        var user = new RankingUser();

        for (int i = 0; i < RankingUser.MaxObjects + 50; i++)
        {
            user.KnowledgeOf($"object {i}");
        }

        Assert.Equal(RankingUser.MaxObjects, user.Count);
    }
}
