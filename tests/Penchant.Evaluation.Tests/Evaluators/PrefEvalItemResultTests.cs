using Penchant.Evaluation.Datasets;

namespace Penchant.Evaluation.Evaluators;

public sealed class PrefEvalItemResultTests
{
    private static readonly PrefEvalItem Item = new("travel", 0, "Trains beat planes for me.", "How should I get to Lyon?");

    [Fact]
    public void Score_NothingSelected_NoHitsAtAll()
    {
        PrefEvalItemResult result = PrefEvalItemResult.Score(Item, []);

        Assert.False(result.Hit1);
        Assert.False(result.Hit5);
        Assert.Equal(0, result.Hits);
    }

    [Fact]
    public void Score_HitThird_IsAHitAtFiveNotAtOne()
    {
        PrefEvalItemResult result = PrefEvalItemResult.Score(Item, [Selected(false), Selected(false), Selected(true)]);

        Assert.False(result.Hit1);
        Assert.True(result.Hit5);
        Assert.Equal(1, result.Hits);
    }

    [Fact]
    public void Score_HitSixth_IsNoHitAtFive()
    {
        PrefEvalItemResult result = PrefEvalItemResult.Score(Item, [.. Enumerable.Range(0, 5).Select(static _ => Selected(false)), Selected(true)]);

        Assert.False(result.Hit5);
        Assert.Equal(1, result.Hits);
    }

    [Fact]
    public void Score_TwoHitsFirstAndSecond_CountsBoth()
    {
        PrefEvalItemResult result = PrefEvalItemResult.Score(Item, [Selected(true), Selected(true)]);

        Assert.True(result.Hit1);
        Assert.True(result.Hit5);
        Assert.Equal(2, result.Hits);
    }

    private static SelectedStatement Selected(bool hit) => new("text", 0.5, hit ? [0] : [], hit);
}
