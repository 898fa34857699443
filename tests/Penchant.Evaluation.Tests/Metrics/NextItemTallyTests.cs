namespace Penchant.Evaluation.Metrics;

public sealed class NextItemTallyTests
{
    [Fact]
    public void Add_FourUsers_AveragesEveryMetric()
    {
        // Arrange: ranks 0, 1, 6 and 20 (first, second, seventh, twenty-first).
        var tally = new NextItemTally();

        // Act
        foreach (int rank in (int[])[0, 1, 6, 20])
        {
            tally.Add(rank);
        }

        // Assert
        Assert.Equal(4, tally.Users);
        Assert.Equal(0.25, tally.Hr1, 12);
        Assert.Equal(0.5, tally.Hr5, 12);
        Assert.Equal(0.75, tally.Hr10, 12);
        Assert.Equal((1 + (1 / Math.Log2(3))) / 4, tally.Ndcg5, 12);
        Assert.Equal((1 + (1 / Math.Log2(3)) + (1 / 3.0)) / 4, tally.Ndcg10, 12);
        Assert.Equal((1 + 0.5 + (1 / 7.0) + (1 / 21.0)) / 4, tally.Mrr, 12);
    }

    [Fact]
    public void Empty_IsZero()
    {
        var tally = new NextItemTally();

        Assert.Equal(0, tally.Users);
        Assert.Equal(0, tally.Hr10);
        Assert.Equal(0, tally.Mrr);
    }
}
