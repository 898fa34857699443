using Penchant.Domain;
using Penchant.Engine;
using Penchant.Signals;

namespace Penchant.Learning.Statements;

/// <summary>The merge rules of the reconciler, through the engine with the real embeddings (MiniLM).</summary>
public sealed class ReconcilerTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    private static readonly UserKey Alice = new("acme", "alice");
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("Show every time on the 24-hour clock.", "No am/pm times for me, please.")]
    [InlineData("I always travel with hand luggage only.", "No checked luggage for me.")]
    [InlineData("I can't stand cilantro.", "Keep fresh coriander out of my recipes.")]
    [InlineData("I'm vegetarian.", "I never eat meat or fish.")]
    [InlineData("No meetings on Wednesdays, I need that day for my kids.", "Keep Wednesdays free of calls.")]
    [InlineData("Message me rather than calling.", "I really dislike phone calls.")]
    [InlineData("Go easy on the garlic, garlic and I don't get along.", "No garlic in my food please.")]
    [InlineData("I'm remote on Wednesdays and Fridays.", "I'm in the office Monday, Tuesday and Thursday.")]
    [InlineData("For trips under 300 km, I go by train.", "If the distance is under 300 kilometres, put me on a train.")]
    public async Task RememberAsync_TheSamePreferenceInOtherWordsWithAReasonAnIdiomTheOtherDaysOrAKindredScope_OnePreference(string first, string second)
    {
        var (engine, _, _) = fixture.Create();
        await engine.RememberAsync(Alice, new Statement(first), Ct);

        WriteResult again = await engine.RememberAsync(Alice, new Statement(second), Ct);

        Assert.Single(again.Reinforced);
        Assert.Single(await engine.ListAsync(Alice, Ct));
    }

    [Theory]
    [InlineData("I love cilantro.", "I can't stand cilantro.")]
    [InlineData("I prefer dark mode in every app.", "I prefer light mode in every app.")]
    [InlineData("Show every time on the 24-hour clock.", "Give me times with am/pm.")]
    [InlineData("I'm vegetarian.", "I don't eat fish.")]
    [InlineData("I go to the gym on Mondays and Fridays.", "I go to the gym Tuesday to Thursday.")]
    [InlineData("When I dine out with my mates, I pick sushi.", "When I dine out with my mates, I want a table outside.")]
    [InlineData("When my in-laws visit, I cook risotto.", "When my in-laws visit, plan a stroll by the river.")]
    [InlineData("For trips under 300 km, I go by train.", "When I travel for work, I go by train whenever I can.")]
    public async Task RememberAsync_ForAndAgainstOtherDaysTheSameSituationForAnotherThingOrAnotherScope_NeverMerges(string first, string second)
    {
        var (engine, _, _) = fixture.Create();
        await engine.RememberAsync(Alice, new Statement(first), Ct);

        WriteResult other = await engine.RememberAsync(Alice, new Statement(second), Ct);

        Assert.Empty(other.Reinforced);
        Assert.Single(other.Created);
    }
}
