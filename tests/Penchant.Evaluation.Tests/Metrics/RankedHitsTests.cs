namespace Penchant.Evaluation.Metrics;

public sealed class RankedHitsTests
{
    [Fact]
    public void HitAt_NoPredictions_IsFalse()
    {
        Assert.False(RankedHits.HitAt([], 1));
        Assert.False(RankedHits.HitAt([], 5));
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, true)]
    [InlineData(5, true)]
    public void HitAt_HitInSecondPlace_CountsFromKTwo(int k, bool expected)
    {
        Assert.Equal(expected, RankedHits.HitAt([false, true, false], k));
    }

    [Fact]
    public void HitAt_HitInSixthPlace_IsNotAHitAtFive()
    {
        bool[] hits = [false, false, false, false, false, true];

        Assert.False(RankedHits.HitAt(hits, 5));
        Assert.True(RankedHits.HitAt(hits, 6));
    }

    [Fact]
    public void HitAt_KBelowOne_ThrowsNamingK()
    {
        ArgumentOutOfRangeException error = Assert.Throws<ArgumentOutOfRangeException>(() => RankedHits.HitAt([true], 0));

        Assert.Equal("k", error.ParamName);
    }

    [Fact]
    public void ByScoreDescending_Ties_KeepTheOriginalOrder()
    {
        (string Name, double Score)[] items = [("a", 0.5), ("b", 0.9), ("c", 0.5), ("d", 0.9)];

        IReadOnlyList<(string Name, double Score)> ranked = RankedHits.ByScoreDescending(items, static i => i.Score);

        Assert.Equal(["b", "d", "a", "c"], ranked.Select(static i => i.Name));
    }
}
