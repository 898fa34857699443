namespace Penchant.Text;

public sealed class TextToolsTests
{
    [Theory]
    [InlineData("silicones", "silicone", true)]
    [InlineData("large", "largest", true)]
    [InlineData("cat", "cats", true)]
    [InlineData("cat", "cast", false)]
    [InlineData("art", "arts", true)]
    [InlineData("car", "card", false)]
    [InlineData("attende", "attend", true)]
    [InlineData("train", "trainers", false)]
    public void IsLike_ShortEnding_MatchesOnlyWholeWords(string a, string b, bool expected)
    {
        Assert.Equal(expected, TextTools.IsLike(a, b));
        Assert.Equal(expected, TextTools.IsLike(b, a));
    }
}
