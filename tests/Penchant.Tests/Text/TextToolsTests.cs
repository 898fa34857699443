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

    [Theory]
    [InlineData("I don't eat gluten-free pasta, it's 2x the price!")]
    [InlineData("Rock 'n' roll — the O’Reilly books, 3 of them.")]
    [InlineData("  a an the   ")]
    public void ContentStemSequence_HasTheStemsOfContentStemsWhereTheirWordsStart(string text)
    {
        List<(string Stem, int At)> sequence = TextTools.ContentStemSequence(text);

        Assert.Equal(TextTools.ContentStems(text).Order(StringComparer.Ordinal), sequence.Select(static w => w.Stem).Distinct().Order(StringComparer.Ordinal));
        Assert.All(sequence, w => Assert.True(char.IsLetterOrDigit(text[w.At]) && (w.At == 0 || !char.IsLetterOrDigit(text[w.At - 1]))));
    }

    [Fact]
    public void Words_ApostrophesAndLongWords_AreLowerCaseTokens()
    {
        // Longer than the tokenizer's buffer, so it moves to a larger one.
        string longWord = string.Concat(Enumerable.Repeat("Ab", 70));

        List<string> words = TextTools.Words($"Don’t STOP {longWord}-now, it's 2x!");

        Assert.Equal(["dont", "stop", longWord.ToLowerInvariant(), "now", "its", "2x"], words);
    }
}
