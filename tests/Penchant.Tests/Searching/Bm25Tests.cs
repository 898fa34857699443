namespace Penchant.Searching;

public sealed class Bm25Tests
{
    [Fact]
    public void Score_RareTermOutweighsCommonTerm_AndTextsWithoutTheTermsScoreZero()
    {
        // Arrange: "tea" occurs in three texts, "ginger" in one
        var bm25 = new Bm25(["green tea in the morning", "tea with ginger", "black tea after lunch", "cycling to work"]);

        // Act
        double[] scores = bm25.Score("ginger tea");

        // Assert
        Assert.True(scores[1] > scores[0] && scores[1] > scores[2]);
        Assert.Equal(0, scores[3]);
        Assert.True(scores[0] > 0);
    }

    [Fact]
    public void Score_SameTermInAShorterText_ScoresHigher()
    {
        var bm25 = new Bm25(["reports use tables", "weekly reports for the whole team should always use clear tables and charts"]);

        double[] scores = bm25.Score("tables");

        Assert.True(scores[0] > scores[1]);
    }

    [Fact]
    public void Score_NoTexts_ReturnsNoScores() => Assert.Empty(new Bm25([]).Score("anything"));

    [Fact]
    public void Score_Subset_ScoresAsASetOfOnlyThoseTexts()
    {
        string[] texts = ["green tea in the morning", "tea with ginger", "black tea after lunch", "cycling to work", "ginger biscuits"];
        var bm25 = new Bm25(texts);

        double[] subset = bm25.Score("ginger tea", [4, 1, 3]);

        Assert.Equal(new Bm25([texts[4], texts[1], texts[3]]).Score("ginger tea"), subset);
        Assert.NotEqual(bm25.Score("ginger tea")[1], subset[1]);
    }
}
