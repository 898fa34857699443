using Penchant.Domain;
using Penchant.Engine;
using Penchant.Signals;

namespace Penchant.Learning.Gating;

/// <summary>The refinement learner end to end, over the real MiniLM model: outcomes move a user's probabilities, and no one else's.</summary>
public sealed class GateRefinementLearnerTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    private const string Request = "Plan a three-day walking route through the Lake District.";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReactAsync_Rejections_LowerTheProbability_AndAcceptancesRaiseIt()
    {
        // Arrange
        var (engine, _, _) = fixture.Create(o => o.SelectionThreshold = 0.0);
        var rejecting = new UserKey("hillwalkers", "rejecting");
        var accepting = new UserKey("hillwalkers", "accepting");
        string rejected = await HoldAsync(engine, rejecting);
        string accepted = await HoldAsync(engine, accepting);
        double before = await ProbabilityAsync(engine, rejecting, rejected);
        Assert.Equal(before, await ProbabilityAsync(engine, accepting, accepted), 6);

        // Act
        for (int i = 0; i < 3; i++)
        {
            await engine.ReactAsync(rejecting, Reacted(rejected, ReactionLabel.Dissatisfied), Ct);
            await engine.ReactAsync(accepting, Reacted(accepted, ReactionLabel.Satisfied), Ct);
        }

        // Assert
        double lowered = await ProbabilityAsync(engine, rejecting, rejected);
        double raised = await ProbabilityAsync(engine, accepting, accepted);
        Assert.True(lowered < before - 0.05, $"rejections must lower the probability ({before:0.000} → {lowered:0.000})");
        Assert.True(raised > before + 0.02, $"acceptances must raise it ({before:0.000} → {raised:0.000})");
        SelectedPreference explained = (await engine.SelectAsync(rejecting, new RequestContext(Request), Ct)).Preferences.Single(p => p.Preference.Id == rejected);
        Assert.Contains(explained.Reasons, static r => r.StartsWith("refined by this user's 3 recorded outcome(s)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReactAsync_OutcomesInOneTenant_NeverMoveAnotherTenantsProbabilities()
    {
        // Arrange: the same user id, the same preferences, in two tenants.
        var (engine, _, _) = fixture.Create(o => o.SelectionThreshold = 0.0);
        var mine = new UserKey("tenant-one", "sam");
        var theirs = new UserKey("tenant-two", "sam");
        string rejected = await HoldAsync(engine, mine);
        string untouched = await HoldAsync(engine, theirs);
        double before = await ProbabilityAsync(engine, theirs, untouched);

        // Act
        for (int i = 0; i < 4; i++)
        {
            await engine.ReactAsync(mine, Reacted(rejected, ReactionLabel.Dissatisfied), Ct);
        }

        // Assert
        Assert.True(await ProbabilityAsync(engine, mine, rejected) < before - 0.05);
        Assert.Equal(before, await ProbabilityAsync(engine, theirs, untouched), 6);
    }

    [Fact]
    public async Task RebuildAsync_ReplaysTheOutcomes_ToTheSameRefinement()
    {
        var (engine, _, _) = fixture.Create(o => o.SelectionThreshold = 0.0);
        var user = new UserKey("hillwalkers", "replayed");
        string id = await HoldAsync(engine, user);
        await engine.ReactAsync(user, Reacted(id, ReactionLabel.Dissatisfied), Ct);
        await engine.ReactAsync(user, Reacted(id, ReactionLabel.Dissatisfied), Ct);
        double refined = await ProbabilityAsync(engine, user, id);

        await engine.RebuildAsync(user, Ct);

        Assert.Equal(refined, await ProbabilityAsync(engine, user, id), 6);
    }

    private static async Task<string> HoldAsync(IPenchant engine, UserKey user)
    {
        await engine.RememberAsync(user, new Statement("I have a penicillin allergy."), Ct);
        await engine.RememberAsync(user, new Statement("Play me some bossa nova while I cook."), Ct);
        WriteResult written = await engine.RememberAsync(user, new Statement("On hikes I like routes that end at a pub."), Ct);
        return written.Created[0].Id;
    }

    private static Reaction Reacted(string id, ReactionLabel label) => new(label == ReactionLabel.Satisfied ? "Lovely, thanks." : "That's not what I wanted.")
    {
        Request = Request,
        Answer = "Day one starts in Keswick …",
        AppliedPreferenceIds = [id],
        Classification = new ReactionClassification(label, "given", 0.9),
    };

    private static async Task<double> ProbabilityAsync(IPenchant engine, UserKey user, string id)
    {
        Selection selection = await engine.SelectAsync(user, new RequestContext(Request), Ct);
        return selection.Preferences.Single(p => p.Preference.Id == id).Probability;
    }
}
