using Microsoft.Extensions.DependencyInjection;
using Penchant.Domain;
using Penchant.Signals;
using Penchant.Storage;
using Penchant.Testing;

namespace Penchant.Recommending;

/// <summary>The sequence learner and query end to end over the engine: choices recorded, a model trained, the next item recommended.</summary>
public sealed class SequenceQueryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RecommendNextAsync_AfterTraining_PredictsWhatFollowedTheLatestChoice()
    {
        // Arrange: shoppers buy shampoo, then conditioner; others buy a razor, then shaving foam.
        var store = new InMemoryPreferenceStore();
        using ServiceProvider services = TestEngines.Create(store, static b => b.AddSequenceRecommendation());
        IPenchant engine = services.GetRequiredService<IPenchant>();
        SequenceQuery query = services.GetRequiredService<SequenceQuery>();
        for (int u = 0; u < 3; u++)
        {
            await ChooseAllAsync(engine, new UserKey("acme", $"hair{u}"), "shampoo", "conditioner");
            await ChooseAllAsync(engine, new UserKey("acme", $"shave{u}"), "razor", "shaving foam");
        }

        var mia = new UserKey("acme", "mia");
        await ChooseAllAsync(engine, mia, "shampoo", "razor");

        // Act
        SequenceTrainingReport report = await query.TrainAsync("acme", Ct);
        IReadOnlyList<NextItem> next = await query.RecommendNextAsync(mia, 2, Ct);

        // Assert: her latest choice leads; nothing she already chose comes back.
        Assert.Equal(7, report.Users);
        Assert.Equal(4, report.Items);
        Assert.Equal(14, report.Choices);
        Assert.Equal(1, report.Version);
        Assert.Equal(["shaving foam", "conditioner"], next.Select(static n => n.Item));
        Assert.True(next[0].Score > next[1].Score);
    }

    [Fact]
    public async Task RecommendNextAsync_ChoicesAfterTraining_AreReadWithoutRetraining()
    {
        // Arrange
        using ServiceProvider services = TestEngines.Create(configure: static b => b.AddSequenceRecommendation());
        IPenchant engine = services.GetRequiredService<IPenchant>();
        SequenceQuery query = services.GetRequiredService<SequenceQuery>();
        await ChooseAllAsync(engine, new UserKey("acme", "a"), "tea", "honey");
        await ChooseAllAsync(engine, new UserKey("acme", "b"), "coffee", "milk");
        await query.TrainAsync("acme", Ct);
        var mia = new UserKey("acme", "mia");

        // Act
        await ChooseAllAsync(engine, mia, "coffee");
        IReadOnlyList<NextItem> afterCoffee = await query.RecommendNextAsync(mia, 1, Ct);
        await ChooseAllAsync(engine, mia, "tea");
        IReadOnlyList<NextItem> afterTea = await query.RecommendNextAsync(mia, 1, Ct);

        // Assert
        Assert.Equal("milk", Assert.Single(afterCoffee).Item);
        Assert.Equal("honey", Assert.Single(afterTea).Item);
    }

    [Fact]
    public async Task RecommendNextAsync_NoModel_IsEmpty_AndNewUserGetsTheMostChosen()
    {
        // Arrange
        using ServiceProvider services = TestEngines.Create(configure: static b => b.AddSequenceRecommendation());
        IPenchant engine = services.GetRequiredService<IPenchant>();
        SequenceQuery query = services.GetRequiredService<SequenceQuery>();
        var newcomer = new UserKey("acme", "new");
        await ChooseAllAsync(engine, new UserKey("acme", "a"), "tea", "honey");
        await ChooseAllAsync(engine, new UserKey("acme", "b"), "coffee", "honey");

        // Act
        IReadOnlyList<NextItem> untrained = await query.RecommendNextAsync(newcomer, 3, Ct);
        await query.TrainAsync("acme", Ct);
        IReadOnlyList<NextItem> trained = await query.RecommendNextAsync(newcomer, 3, Ct);
        IReadOnlyList<NextItem> otherTenant = await query.RecommendNextAsync(new UserKey("globex", "a"), 3, Ct);

        // Assert
        Assert.Empty(untrained);
        Assert.Equal("honey", trained[0].Item);
        Assert.Equal(3, trained.Count);
        Assert.Empty(otherTenant);
    }

    [Fact]
    public async Task RebuildAsync_ReplaysChoices_IntoTheSameSequence()
    {
        // Arrange
        var store = new InMemoryPreferenceStore();
        using ServiceProvider services = TestEngines.Create(store, static b => b.AddSequenceRecommendation());
        IPenchant engine = services.GetRequiredService<IPenchant>();
        var mia = new UserKey("acme", "mia");
        await ChooseAllAsync(engine, mia, "a", "b", "c");
        StoredModel before = (await store.GetUserModelAsync(mia, UserSequence.Name, Ct))!;

        // Act
        await engine.RebuildAsync(mia, Ct);

        // Assert
        StoredModel after = (await store.GetUserModelAsync(mia, UserSequence.Name, Ct))!;
        Assert.Equal(before.Payload.ToArray(), after.Payload.ToArray());
        Assert.Equal([ItemKey.Of("a"), ItemKey.Of("b"), ItemKey.Of("c")], UserSequence.FromBytes(after.Payload.Span).Keys);
    }

    [Fact]
    public async Task ForgetUserAsync_RemovesTheSequence()
    {
        // Arrange
        var store = new InMemoryPreferenceStore();
        using ServiceProvider services = TestEngines.Create(store, static b => b.AddSequenceRecommendation());
        IPenchant engine = services.GetRequiredService<IPenchant>();
        var mia = new UserKey("acme", "mia");
        await ChooseAllAsync(engine, mia, "a", "b");

        // Act
        await engine.ForgetUserAsync(mia, Ct);

        // Assert
        Assert.Null(await store.GetUserModelAsync(mia, UserSequence.Name, Ct));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    public async Task RecommendNextAsync_CountOutOfRange_Throws(int count)
    {
        using ServiceProvider services = TestEngines.Create(configure: static b => b.AddSequenceRecommendation());
        SequenceQuery query = services.GetRequiredService<SequenceQuery>();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => query.RecommendNextAsync(new UserKey("acme", "mia"), count, Ct));
    }

    [Fact]
    public async Task TrainAsync_NoChoices_SavesNothing()
    {
        var store = new InMemoryPreferenceStore();
        using ServiceProvider services = TestEngines.Create(store, static b => b.AddSequenceRecommendation());
        SequenceQuery query = services.GetRequiredService<SequenceQuery>();

        SequenceTrainingReport report = await query.TrainAsync("acme", Ct);

        Assert.Equal(0, report.Version);
        Assert.Null(await store.GetModelAsync("acme", SequenceQuery.ModelName, Ct));
    }

    private static async Task ChooseAllAsync(IPenchant engine, UserKey user, params string[] items)
    {
        foreach (string item in items)
        {
            await engine.RecordAsync(user, [new Choice("shop", [item, "gift card"], 0)], cancellationToken: Ct);
        }
    }
}
