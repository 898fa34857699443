namespace Penchant.Evaluation.Metrics;

public sealed class PrefEvalTallyTests
{
    private const int Digits = 12;

    [Fact]
    public void Rates_NoItems_AreZero()
    {
        var tally = new PrefEvalTally();

        Assert.Equal(0, tally.Hit1Rate);
        Assert.Equal(0, tally.Hit5Rate);
        Assert.Equal(0, tally.Precision);
        Assert.Equal(0, tally.MeanSelected);
    }

    [Fact]
    public void Add_ThreeItems_RatesByHand()
    {
        // Arrange
        var tally = new PrefEvalTally();

        // Act: a hit at 1 among 3 selections; nothing selected; a hit at 4 among 6 selections
        tally.Add(selected: 3, hits: 1, hit1: true, hit5: true);
        tally.Add(selected: 0, hits: 0, hit1: false, hit5: false);
        tally.Add(selected: 6, hits: 1, hit1: false, hit5: true);

        // Assert
        Assert.Equal(3, tally.Items);
        Assert.Equal(1.0 / 3, tally.Hit1Rate, Digits);
        Assert.Equal(2.0 / 3, tally.Hit5Rate, Digits);
        Assert.Equal(2.0 / 9, tally.Precision, Digits);
        Assert.Equal(3, tally.MeanSelected, Digits);
    }

    [Fact]
    public void Add_NothingSelectedAnywhere_PrecisionIsZero()
    {
        var tally = new PrefEvalTally();

        tally.Add(selected: 0, hits: 0, hit1: false, hit5: false);

        Assert.Equal(0, tally.Precision);
        Assert.Equal(0, tally.MeanSelected);
    }

    [Fact]
    public void Add_MoreHitsThanSelected_ThrowsNamingTheCount()
    {
        ArgumentOutOfRangeException error = Assert.Throws<ArgumentOutOfRangeException>(() => new PrefEvalTally().Add(selected: 1, hits: 2, hit1: true, hit5: true));

        Assert.Equal("selected", error.ParamName);
    }
}
