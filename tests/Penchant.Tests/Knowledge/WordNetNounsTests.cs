namespace Penchant.Knowledge;

// A tiny hierarchy in WordNet's own file format, written for these tests.
public sealed class WordNetNounsTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "penchant-wordnet-" + Guid.NewGuid().ToString("N"));

    public WordNetNounsTests()
    {
        Directory.CreateDirectory(_directory);
        File.WriteAllLines(Path.Combine(_directory, "data.noun"),
        [
            "  1 This software and database is being provided to you, the LICENSEE, by Princeton University",
            "00000100 03 n 01 entity 0 000 | that which exists",
            "00000200 03 n 01 physical_entity 0 001 @ 00000100 n 0000 | an entity that has physical existence",
            "00000300 03 n 01 object 0 001 @ 00000200 n 0000 | a tangible thing",
            "00000400 03 n 01 organism 0 001 @ 00000300 n 0000 | a living thing",
            "00000500 05 n 02 animal 0 beast 0 001 @ 00000400 n 0000 | a living organism that feeds",
            "00000600 05 n 01 bird 0 001 @ 00000500 n 0000 | a warm-blooded egg-laying vertebrate",
            "00000700 05 n 02 heron 0 grey_heron 0 001 @ 00000600 n 0000 | a wading bird",
            "00000800 05 n 01 goose 0 001 @ 00000600 n 0000 | a web-footed bird",
            "00000900 06 n 01 artifact 0 001 @ 00000300 n 0000 | a man-made object",
            "00001000 06 n 01 implement 0 001 @ 00000900 n 0000 | an instrument",
            "00001100 06 n 01 spade 0 001 @ 00001000 n 0000 | a digging tool",
        ]);
        File.WriteAllLines(Path.Combine(_directory, "index.noun"),
        [
            "  1 This software and database is being provided to you, the LICENSEE, by Princeton University",
            "object n 1 1 @ 1 0 00000300  ",
            "animal n 1 1 @ 1 0 00000500  ",
            "beast n 1 1 @ 1 0 00000500  ",
            "bird n 1 1 @ 1 0 00000600  ",
            "heron n 1 1 @ 1 0 00000700  ",
            "grey_heron n 1 1 @ 1 0 00000700  ",
            "goose n 1 1 @ 1 0 00000800  ",
            "spade n 1 1 @ 1 0 00001100  ",
        ]);
        File.WriteAllLines(Path.Combine(_directory, "noun.exc"), ["geese goose"]);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData("heron", "animal", true)]
    [InlineData("herons", "bird", true)]
    [InlineData("geese", "animal", true)]
    [InlineData("grey heron", "beast", true)]
    [InlineData("bird", "bird", true)]
    [InlineData("spade", "animal", false)]
    [InlineData("bird", "heron", false)]
    [InlineData("trowel", "animal", false)]
    public void IsKindOf_FollowsTheHypernymsOfTheLemma(string word, string concept, bool expected)
    {
        WordNetNouns nouns = WordNetNouns.Load(_directory);

        Assert.True(nouns.IsAvailable);
        Assert.Equal(expected, nouns.IsKindOf(word, nouns.Concept(concept)));
    }

    [Fact]
    public void Concept_TooCloseToTheRoot_NamesNothing()
    {
        WordNetNouns nouns = WordNetNouns.Load(_directory);

        Assert.Empty(nouns.Concept("object"));
        Assert.False(nouns.IsKindOf("spade", nouns.Concept("object")));
        Assert.NotEmpty(nouns.Concept("animal"));
    }

    [Fact]
    public void Load_MissingFiles_IsNotAvailableAndSaysWhy()
    {
        WordNetNouns nouns = WordNetNouns.Load(Path.Combine(_directory, "absent"));

        Assert.False(nouns.IsAvailable);
        Assert.Contains("wordnet-base", nouns.Status, StringComparison.Ordinal);
        Assert.False(nouns.IsKindOf("heron", nouns.Concept("animal")));
    }
}
