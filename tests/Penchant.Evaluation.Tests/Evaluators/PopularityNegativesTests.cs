namespace Penchant.Evaluation.Evaluators;

public sealed class PopularityNegativesTests
{
    [Fact]
    public void Draw_NeverAnExcludedOrUnchosenItem_AndNoRepeats()
    {
        // Arrange: item 2 was never chosen; the user chose item 0.
        var sampler = new PopularityNegatives([5, 1, 0, 3, 2], seed: 3);
        var excluded = new HashSet<int> { 0 };

        // Act
        int[] drawn = sampler.Draw(3, excluded);

        // Assert
        Assert.Equal(3, drawn.Distinct().Count());
        Assert.DoesNotContain(0, drawn);
        Assert.DoesNotContain(2, drawn);
    }

    [Fact]
    public void Draw_Many_FollowsPopularity()
    {
        // Arrange: item 1 is chosen nine times as often as item 0.
        var sampler = new PopularityNegatives([1, 9, 0], seed: 5);
        int first = 0;

        // Act
        for (int i = 0; i < 2000; i++)
        {
            first += sampler.Draw(1, new HashSet<int>())[0] == 0 ? 1 : 0;
        }

        // Assert: about 200 of 2,000 draws.
        Assert.InRange(first, 140, 260);
    }

    [Fact]
    public void Draw_TooFewItemsLeft_Throws()
    {
        var sampler = new PopularityNegatives([1, 1, 1], seed: 1);

        Assert.Throws<ArgumentException>(() => sampler.Draw(3, new HashSet<int> { 1 }));
    }

    [Fact]
    public void Draw_SameSeed_SameItems()
    {
        int[] counts = [4, 3, 2, 1, 5, 6];

        Assert.Equal(new PopularityNegatives(counts, 9).Draw(4, new HashSet<int>()), new PopularityNegatives(counts, 9).Draw(4, new HashSet<int>()));
    }
}
