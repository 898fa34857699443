using Penchant.Domain;
using Penchant.Engine;

namespace Penchant.Signals;

/// <summary>Reading reactions and rewards back from an exported log, as the dashboard charts them.</summary>
public sealed class LoggedSignalsTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    private static readonly UserKey Alice = new("acme", "alice");
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReadReaction_AnExportedReaction_HasItsLabelRequestAndAppliedPreferences()
    {
        var (engine, _, _) = fixture.Create();
        string id = (await engine.RememberAsync(Alice, new Statement("I like short answers with bullet points."), Ct)).Created[0].Id;
        await engine.ReactAsync(Alice, new Reaction("Thanks, that was exactly right!") { Request = "Explain how a heat pump works.", Answer = "- It moves heat.", AppliedPreferenceIds = [id] }, Ct);

        List<PreferenceEvent> log = await ExportAsync(engine);
        RecordedReaction reaction = Assert.Single(log.Select(LoggedSignals.ReadReaction).OfType<RecordedReaction>());

        Assert.Equal(ReactionLabel.Satisfied, reaction.Label);
        Assert.Equal("Explain how a heat pump works.", reaction.Request);
        Assert.Equal([id], reaction.Applied);
        Assert.All(log.Where(static e => e.Kind != EventKind.Reaction), static e => Assert.Null(LoggedSignals.ReadReaction(e)));
    }

    [Fact]
    public void ReadReaction_RedactedOrMalformed_IsNull()
    {
        var reaction = new PreferenceEvent { Id = "ev_1", Kind = EventKind.Reaction, Text = "thanks", Data = """{"label":"satisfied","applied":["p1"]}""" };

        Assert.Equal(ReactionLabel.Satisfied, LoggedSignals.ReadReaction(reaction)?.Label);
        Assert.Null(LoggedSignals.ReadReaction(reaction.Redact()));
        Assert.Null(LoggedSignals.ReadReaction(reaction with { Data = "{not json" }));
    }

    [Fact]
    public void ReadReward_AReward_HasItsValueAndAnotherKindIsNull()
    {
        var reward = new PreferenceEvent { Id = "ev_2", Kind = EventKind.FromName("reward"), Text = "dc_1", Data = """{"id":"dc_1","value":0.75,"slot":1}""" };

        Reward? read = LoggedSignals.ReadReward(reward);

        Assert.NotNull(read);
        Assert.Equal(("dc_1", 0.75, 1), (read.DecisionId, read.Value, read.Slot));
        Assert.Null(LoggedSignals.ReadReward(reward with { Kind = EventKind.Reaction }));
        Assert.Null(LoggedSignals.ReadReward(reward.Redact()));
    }

    private static async Task<List<PreferenceEvent>> ExportAsync(IPenchant engine)
    {
        var events = new List<PreferenceEvent>();
        await foreach (PreferenceEvent entry in engine.ExportAsync(Alice, Ct))
        {
            events.Add(entry);
        }

        return events;
    }
}
