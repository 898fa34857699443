namespace Penchant.Evaluation.Metrics;

public sealed class SampledRankTests
{
    [Fact]
    public void Rank_CountsNegativesScoredHigher()
    {
        Assert.Equal(0, SampledRank.Rank(0.9, [0.1, 0.5, 0.8]));
        Assert.Equal(2, SampledRank.Rank(0.6, [0.7, 0.1, 0.9, 0.2]));
    }

    [Fact]
    public void Rank_Ties_CountAgainstTheHeldOutItem()
    {
        // Three negatives tie with the held-out item, one is above: it ranks fifth, not second.
        Assert.Equal(4, SampledRank.Rank(0.5, [0.5, 0.9, 0.5, 0.5, 0.1]));
    }

    [Fact]
    public void Rank_NotANumber_Throws()
    {
        Assert.Throws<ArgumentException>(() => SampledRank.Rank(double.NaN, [0.1]));
        Assert.Throws<ArgumentException>(() => SampledRank.Rank(0.1, [double.NaN]));
    }

    [Theory]
    [InlineData(0, 1, 1)]
    [InlineData(0, 10, 1)]
    [InlineData(4, 5, 1)]
    [InlineData(5, 5, 0)]
    [InlineData(9, 10, 1)]
    [InlineData(10, 10, 0)]
    public void HitAt_CountsTheFirstKPlaces(int rank, int k, double expected)
    {
        Assert.Equal(expected, SampledRank.HitAt(rank, k));
    }

    [Theory]
    [InlineData(0, 10, 1.0)]
    [InlineData(1, 10, 0.6309297535714575)] // 1 / log2(3)
    [InlineData(2, 10, 0.5)] // 1 / log2(4)
    [InlineData(6, 10, 0.3333333333333333)] // 1 / log2(8)
    [InlineData(6, 5, 0.0)]
    public void NdcgAt_OneRelevantItem_IsTheDiscountOfItsPlace(int rank, int k, double expected)
    {
        Assert.Equal(expected, SampledRank.NdcgAt(rank, k), 12);
    }

    [Fact]
    public void Reciprocal_IsOneOverThePlace()
    {
        Assert.Equal(1.0, SampledRank.Reciprocal(0));
        Assert.Equal(0.25, SampledRank.Reciprocal(3));
    }

    [Fact]
    public void HitAt_KBelowOne_ThrowsNamingK()
    {
        Assert.Equal("k", Assert.Throws<ArgumentOutOfRangeException>(() => SampledRank.HitAt(0, 0)).ParamName);
    }
}
