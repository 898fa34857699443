using Microsoft.Extensions.DependencyInjection;
using Penchant.Domain;
using Penchant.Signals;
using Penchant.Testing;

namespace Penchant.Learning.Edits;

public sealed class EditLearnerTests
{
    private const string Draft = "Hello team. The release moved to Friday because the tests failed. Please plan accordingly. Thanks for your patience.";
    private const string Edited = "- Release moved to Friday\n- Tests failed\n- Plan accordingly";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EditAsync_ThenSelectSimilarRequest_ReturnsStylesWithTheirEdits()
    {
        // Arrange
        using ServiceProvider services = TestEngines.Create();
        IPenchant engine = services.GetRequiredService<IPenchant>();
        var user = new UserKey("acme", "mia");

        // Act
        WriteResult first = await engine.EditAsync(user, new Edit("write a status email to the team about the release", Draft, Edited), Ct);
        WriteResult second = await engine.EditAsync(user, new Edit("write a status email to the team about the budget", Draft, Edited), Ct);
        Selection selection = await engine.SelectAsync(user, new RequestContext("write a status email to the team about the launch"), Ct);
        Selection unrelated = await engine.SelectAsync(user, new RequestContext("recommend a vegetarian lasagna recipe"), Ct);

        // Assert
        Assert.Equal("edit", Assert.Single(first.Events).Kind.Name);
        StylePreference bullets = Assert.Single(selection.Styles, s => s.Feature == StyleFeature.Bullets);
        Assert.Equal("Prefers bullet points", bullets.Text);
        Assert.Equal(new[] { first.Events[0].Id, second.Events[0].Id }.Order(StringComparer.Ordinal), bullets.Sources.Order(StringComparer.Ordinal));
        Assert.Contains(selection.Styles, s => s.Feature == StyleFeature.Length && s.Level < 15);
        Assert.Contains("Prefers bullet points", selection.PromptBlock, StringComparison.Ordinal);
        Assert.True(unrelated.IsEmpty);
    }

    [Fact]
    public async Task RankAsync_AfterEdits_PrefersCandidateInTheEditedStyleWithFactor()
    {
        // Arrange
        using ServiceProvider services = TestEngines.Create();
        IPenchant engine = services.GetRequiredService<IPenchant>();
        var user = new UserKey("acme", "mia");
        await engine.EditAsync(user, new Edit("write a status email to the team about the release", Draft, Edited), Ct);
        await engine.EditAsync(user, new Edit("write a status email to the team about the budget", Draft, Edited), Ct);

        // Act
        CandidateRanking ranking = await engine.RankAsync(
            user,
            new RequestContext("write a status email to the team about the launch"),
            ["Hello team. The launch moved to Monday because the venue cancelled. Please plan accordingly. Thanks a lot.", "- Launch moved to Monday\n- Venue cancelled\n- Plan accordingly"],
            Ct);

        // Assert
        Assert.Equal(1, ranking.Best!.Index);
        Assert.Contains(ranking.Best.Factors, f => f.Description == "edits: Prefers bullet points" && f.Contribution > 0);
    }

    [Fact]
    public async Task RebuildAsync_ReplaysEdits_ReproducesTheEditState()
    {
        // Arrange
        var store = new InMemoryPreferenceStore();
        using ServiceProvider services = TestEngines.Create(store);
        IPenchant engine = services.GetRequiredService<IPenchant>();
        var user = new UserKey("acme", "mia");
        await engine.EditAsync(user, new Edit("write a status email to the team about the release", Draft, Edited), Ct);
        await engine.EditAsync(user, new Edit("summarize this article about whales", "Whales are large. They sing.", "Whales are large! They sing! 🐋"), Ct);
        await engine.EditAsync(user, new Edit("write a status email to the team about the budget", Edited, Edited), Ct);
        byte[] before = (await store.GetUserModelAsync(user, EditMemory.ModelName, Ct))!.Payload.ToArray();

        // Act
        await engine.RebuildAsync(user, Ct);

        // Assert
        byte[] after = (await store.GetUserModelAsync(user, EditMemory.ModelName, Ct))!.Payload.ToArray();
        Assert.Equal(before, after);
        Assert.Equal(3, EditMemory.FromBytes(after).Items.Count);
    }

    [Fact]
    public async Task RecordAsync_EmptyEdit_ThrowsAndWritesNothing()
    {
        // Arrange
        using ServiceProvider services = TestEngines.Create();
        IPenchant engine = services.GetRequiredService<IPenchant>();
        var user = new UserKey("acme", "mia");

        // Act
        var error = await Assert.ThrowsAsync<ArgumentException>(() => engine.EditAsync(user, new Edit("a context", "an output", " "), Ct));

        // Assert
        Assert.Equal("edit", error.ParamName);
        Assert.Empty(await engine.ExportAsync(user, Ct).ToListAsync(Ct));
    }
}
