using Microsoft.Extensions.DependencyInjection;
using Penchant.Domain;
using Penchant.Ranking;
using Penchant.Signals;

namespace Penchant.Learning.Principles;

public sealed class PrincipleMinerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Mine_WordThatDecidesEveryPair_BecomesReadablePrincipleThatPredicts()
    {
        // Arrange: the preferred text always names tea, the other coffee; nothing else differs.
        var pairs = new List<JudgedPair>();
        string[] places = ["kitchen", "garden", "office", "station", "library", "studio", "market", "harbour"];
        for (int i = 0; i < places.Length; i++)
        {
            pairs.Add(new JudgedPair("ev" + i, $"Order tea at the {places[i]}.", $"Order coffee at the {places[i]}."));
        }

        // Act
        IReadOnlyList<Principle> principles = PrincipleMiner.Mine(pairs);

        // Assert: one principle decides every pair (mentioning tea and avoiding coffee decide the same pairs; the first kept wins).
        Principle tea = Assert.Single(principles);
        Assert.Contains(tea.Text, (string[])["Prefers responses that mention \"tea\"", "Prefers responses without \"coffee\""]);
        Assert.Equal(8, tea.Support);
        Assert.Equal(1.0, tea.Accuracy);
        Assert.Equal(4, tea.Tested);
        Assert.True(PrincipleMiner.Predict(principles, "Some tea, thanks.", "Some coffee, thanks.") > 0);
        Assert.True(PrincipleMiner.Predict(principles, "Some coffee, thanks.", "Some tea, thanks.") < 0);
    }

    [Fact]
    public void Mine_FactorThatFailsOnHeldBackHalf_IsNotKept()
    {
        // Arrange: "tea" wins in the proposing (even) judgements and loses in every held-back (odd) one.
        var pairs = new List<JudgedPair>();
        for (int i = 0; i < 8; i++)
        {
            pairs.Add(i % 2 == 0
                ? new JudgedPair("ev" + i, "Order tea now.", "Order coffee now.")
                : new JudgedPair("ev" + i, "Order coffee now.", "Order tea now."));
        }

        // Act
        IReadOnlyList<Principle> principles = PrincipleMiner.Mine(pairs);

        // Assert
        Assert.Empty(principles);
    }

    [Fact]
    public void Mine_LearnedRankingWeighsAFactorNoOtherCandidateSees_ProposesIt_AndItPredicts()
    {
        // Arrange: the preferred text always gives a number; no content word or style factor tells the texts apart.
        IReadOnlyList<JudgedPair> pairs = CountedPairs();

        // Act
        IReadOnlyList<Principle> principles = PrincipleMiner.Mine(pairs, LearnedWeights(numbers: 1.0));

        // Assert
        Principle numbers = Assert.Single(principles);
        Assert.Equal("ranking:13:+", numbers.Id);
        Assert.Equal("Prefers responses with more numbers", numbers.Text);
        Assert.Equal(1.0, numbers.Accuracy);
        Assert.Equal(4, numbers.Tested);
        Assert.True(PrincipleMiner.Predict(principles, "Bring 2 maps.", "Bring some maps.") > 0);
        Assert.Empty(PrincipleMiner.Mine(pairs));
    }

    [Fact]
    public void Mine_LearnedDirectionTheHeldBackChoicesContradict_IsNotKept()
        => Assert.Empty(PrincipleMiner.Mine(CountedPairs(), LearnedWeights(numbers: -1.0)));

    [Fact]
    public async Task ExplainAsync_EditsThatShorten_ExplainShorterResponsesWithTheEditsAsSources()
    {
        // Arrange
        using ServiceProvider services = TestEngines.Create();
        IPenchant engine = services.GetRequiredService<IPenchant>();
        var user = new UserKey("acme", "mia");
        var ids = new List<string>();
        string[] topics = ["release", "budget", "hiring", "offsite", "roadmap", "security review"];
        foreach (string topic in topics)
        {
            WriteResult written = await engine.EditAsync(
                user,
                new Edit(
                    $"Write to the team about the {topic}",
                    $"Hello everyone. I wanted to share a long update about the {topic}. There is a lot of background to cover and several details to weigh. We will discuss it further next week in the meeting.",
                    $"The {topic} is on track."),
                Ct);
            ids.Add(written.Events[0].Id);
        }

        // Act
        IReadOnlyList<Principle> principles = await engine.ExplainAsync(user, Ct);

        // Assert
        Principle shorter = Assert.Single(principles, static p => p.Text == "Prefers shorter responses");
        Assert.Equal(topics.Length, shorter.Support);
        Assert.Equal(ids, shorter.Sources);
        Assert.Empty(await engine.ExplainAsync(new UserKey("acme", "nobody"), Ct));
    }

    [Fact]
    public async Task ExplainAsync_ComparisonsTheRankingPartLearnsFrom_ExplainItsLargestFactor()
    {
        // Arrange: the ranking learner learns the user's part online from the comparisons; only a number tells their texts apart.
        using ServiceProvider services = TestEngines.Create();
        IPenchant engine = services.GetRequiredService<IPenchant>();
        var user = new UserKey("acme", "noor");
        foreach (JudgedPair pair in CountedPairs())
        {
            await engine.RecordAsync(user, [new Comparison("What should I bring?", pair.Preferred, pair.Rejected)], null, Ct);
        }

        // Act
        IReadOnlyList<Principle> principles = await engine.ExplainAsync(user, Ct);

        // Assert
        Principle numbers = Assert.Single(principles);
        Assert.Equal("ranking:13:+", numbers.Id);
        Assert.Equal(8, numbers.Support);
        Assert.Equal(1.0, numbers.Accuracy);
    }

    private static List<JudgedPair> CountedPairs()
    {
        string[] things = ["lanterns", "blankets", "kettles", "ladders", "buckets", "pillows", "candles", "shovels"];
        return [.. things.Select((thing, i) => new JudgedPair("ev" + i, $"Bring {i + 2} {thing} to the shed.", $"Bring some {thing} to the shed."))];
    }

    private static double[] LearnedWeights(double numbers)
    {
        var weights = new double[SurfaceFeatures.Count];
        weights[13] = numbers;
        return weights;
    }
}
