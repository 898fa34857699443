namespace Penchant.Language;

public sealed class StemmerTests
{
    [Theory]
    [InlineData("allergies", "allerg")]
    [InlineData("allergic", "allerg")]
    [InlineData("emails", "email")]
    [InlineData("stores", "stor")]
    [InlineData("store", "store")]
    [InlineData("booking", "book")]
    [InlineData("cats", "cats")]
    [InlineData("spicy", "spic")]
    public void Stem_StripsTheFirstEndingThatLeavesFourLetters(string word, string expected)
    {
        Assert.Equal(expected, Stemmer.Stem(word));
        Assert.Equal(expected.Length, Stemmer.StemLength(word));
    }

    [Theory]
    [InlineData("stores", "stor")]
    [InlineData("store", "stor")]
    [InlineData("fridays", "frida")]
    [InlineData("friday", "frida")]
    [InlineData("allergies", "allerg")]
    [InlineData("allergic", "allerg")]
    [InlineData("glasses", "glass")]
    [InlineData("dishes", "dish")]
    [InlineData("bus", "bus")]
    [InlineData("cats", "cat")]
    [InlineData("hummus", "hummus")]
    public void KeyStem_ConflatesPluralsAndCommonEndings(string word, string expected)
    {
        Assert.Equal(expected, Stemmer.KeyStem(word));
    }

    [Fact]
    public void Stem_And_KeyStem_Differ_AsDocumented()
    {
        // The lexical stem keeps "store" and "stores" apart; the key stem joins them.
        Assert.NotEqual(Stemmer.Stem("store"), Stemmer.Stem("stores"));
        Assert.Equal(Stemmer.KeyStem("store"), Stemmer.KeyStem("stores"));
    }

    [Theory]
    [InlineData("stories", "story")]
    [InlineData("floors", "floor")]
    [InlineData("people", "people")]
    [InlineData("feet", "feet")]
    [InlineData("glass", "glass")]
    [InlineData("hrs", "hr")]
    [InlineData("ms", "ms")]
    public void Singular_MakesUnitsSingular(string word, string expected)
    {
        Assert.Equal(expected, Stemmer.Singular(word));
    }
}
