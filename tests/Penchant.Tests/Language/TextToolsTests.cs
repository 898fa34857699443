namespace Penchant.Language;

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

    [Theory]
    [InlineData("The cats chased a cat; cast members were catty.", "cat")]
    [InlineData("Silicones and silicone-free shampoo.", "silicon")]
    [InlineData("Allergies, allergic reactions and an allergen.", "allerg")]
    [InlineData("x xs xy", "x")]
    public void StemSequence_IndexOfLike_FindsEveryPositionAPlainScanFinds(string text, string stem)
    {
        // With content stems only, and with a one-letter stem among them, whose first two letters cannot narrow the search.
        List<(string Stem, int At)> content = TextTools.ContentStemSequence(text);
        foreach (List<(string Stem, int At)> words in (List<(string Stem, int At)>[])[content, [.. content, ("x", text.Length)]])
        {
            var sequence = new StemSequence(words);
            int[] expected = [.. Enumerable.Range(0, words.Count).Where(k => TextTools.IsLike(words[k].Stem, stem))];

            var found = new List<int>();
            for (int k = sequence.IndexOfLike(stem, 0); k >= 0; k = sequence.IndexOfLike(stem, k + 1))
            {
                found.Add(k);
            }

            Assert.NotEmpty(expected);
            Assert.Equal(expected, found);
        }
    }

    [Fact]
    public void StemSequence_FindPhrases_FindsEachOccurrenceUpToShortEndings()
    {
        var sequence = new StemSequence("Animal-derived materials, an animal derive: animals derived from plants. Animal.");
        string[][] phrases = [["animal", "deriv"], ["plant"], ["missing"]];

        var found = new List<(int First, int Last)>();
        sequence.FindPhrases(phrases, found);

        Assert.Equal([(0, 1), (3, 4), (5, 6), (7, 7)], found);
        Assert.True(sequence.ContainsAny([["plants"]]));
        Assert.False(sequence.ContainsAny([["animal", "plant"]]));
    }
}
