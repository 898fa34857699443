using System.Text.RegularExpressions;

namespace Penchant.Language;

public sealed class NumberWordsTests
{
    [Fact]
    public void AsDigits_HasNoOneButThousand()
    {
        Assert.Equal("2", NumberWords.AsDigits["two"]);
        Assert.Equal("12", NumberWords.AsDigits["twelve"]);
        Assert.Equal("1000", NumberWords.AsDigits["thousand"]);
        Assert.False(NumberWords.AsDigits.ContainsKey("one"));
        Assert.False(NumberWords.AsDigits.ContainsKey("fifteen"));
        Assert.Equal(17, NumberWords.AsDigits.Count);
    }

    [Fact]
    public void Values_HaveOneAndTheArticlesButNoThousand()
    {
        Assert.Equal(1, NumberWords.Values["one"]);
        Assert.Equal(1, NumberWords.Values["a"]);
        Assert.Equal(1, NumberWords.Values["an"]);
        Assert.Equal(15, NumberWords.Values["fifteen"]);
        Assert.Equal(60, NumberWords.Values["sixty"]);
        Assert.False(NumberWords.Values.ContainsKey("thousand"));
        Assert.Equal(21, NumberWords.Values.Count);
    }

    [Theory]
    [InlineData("1,200", true)]
    [InlineData("2.5", true)]
    [InlineData("fifteen", true)]
    [InlineData("an", true)]
    [InlineData("thousand", false)]
    [InlineData("eighty", false)]
    public void Pattern_MatchesDigitsAndTheWordsOfValues(string text, bool expected)
    {
        Assert.Equal(expected, Regex.IsMatch(text, "^" + NumberWords.Pattern + "$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));
    }
}
