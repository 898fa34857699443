using System.Text.Json;

namespace Penchant.Language;

public sealed class LanguagePackTests
{
    private static readonly string[] Named =
    [
        LanguagePack.ApplicabilityLexicon,
        LanguagePack.BackgroundRequests,
        LanguagePack.ExtractionSeeds,
        LanguagePack.ObjectSynonyms,
        LanguagePack.ReactionSeeds,
    ];

    public static TheoryData<string> Resources() => new(Named);

    [Fact]
    public void ResourceNames_AreExactlyTheNamedResources()
    {
        Assert.Equal(Named.Order(StringComparer.Ordinal), LanguagePack.ResourceNames);
    }

    [Theory]
    [MemberData(nameof(Resources))]
    public void Parse_EveryResource_LoadsAnObjectThatSaysWhereItComesFrom(string fileName)
    {
        using JsonDocument document = LanguagePack.Parse(fileName);

        Assert.Equal(JsonValueKind.Object, document.RootElement.ValueKind);
        Assert.True(document.RootElement.EnumerateObject().Count() > 1);
        Assert.Contains("Hand-written", LanguagePack.Provenance(fileName), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MissingResource_ThrowsSayingWhich()
    {
        var exception = Assert.Throws<InvalidOperationException>(() => LanguagePack.Parse("no-such-lexicon.json"));

        Assert.Contains("no-such-lexicon.json", exception.Message, StringComparison.Ordinal);
    }
}
