using Penchant.Evaluation.Datasets;
using Penchant.Recommending;

namespace Penchant.Evaluation.Evaluators;

public sealed class NextItemEvaluatorTests
{
    [Fact]
    public void Run_SequencesThatRepeatAPattern_ModelBeatsMostPopular()
    {
        // Arrange: 60 users each walk four steps around one of three rings of five items; the next item is always the
        // ring's next link (which other users' histories show), and popularity cannot know it.
        var sequences = new List<int[]>();
        for (int u = 0; u < 60; u++)
        {
            int chain = u % 3;
            int start = (u / 3) % 5;
            sequences.Add([.. Enumerable.Range(start, 4).Select(step => (chain * 10) + (step % 5))]);
        }

        var data = new InteractionSequences(sequences, 30, sequences.Sum(static s => s.Length));

        // Act
        NextItemReport report = NextItemEvaluator.Run(data, new NextItemOptions(), negatives: 5, seed: 2, TestContext.Current.CancellationToken);
        NextItemReport oneStep = NextItemEvaluator.Run(data, new NextItemOptions { HopWeight = 0 }, negatives: 5, seed: 2, TestContext.Current.CancellationToken);

        // Assert: the defaults rank the ring's next link near the top (the second step also lifts the link after it, which
        // shares the first place on some rings); one step alone puts it first.
        Assert.Equal(60, report.Test.Users);
        Assert.True(report.Test.Mrr > 0.6, $"mrr {report.Test.Mrr}");
        Assert.True(report.Test.Hr1 > report.PopularTest.Hr1 + 0.3, $"hr1 {report.Test.Hr1}, popular {report.PopularTest.Hr1}");
        Assert.True(report.PopularTest.Mrr < 0.3, $"popular mrr {report.PopularTest.Mrr}");
        Assert.True(oneStep.Test.Hr1 > 0.9, $"one-step hr1 {oneStep.Test.Hr1}");
        Assert.True(report.Links > 0);
    }
}
