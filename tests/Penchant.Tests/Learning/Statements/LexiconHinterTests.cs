using Microsoft.Extensions.AI;
using Penchant.Domain;

namespace Penchant.Learning.Statements;

public sealed class LexiconHinterTests
{
    // Zero vectors: no topic is close in meaning, so only the lexicon's key words decide.
    private readonly LexiconHinter _hinter = new(new ZeroEmbeddings());

    [Theory]
    [InlineData("When I book a flight I want the aisle seat.", "book", true)]
    [InlineData("Can you show me how to do it?", "show", true)]
    [InlineData("We always switch to Zoom for calls.", "switch", true)]
    [InlineData("I prefer e-books over printed books.", "books", false)]
    [InlineData("My favourite show is on Fridays.", "show", false)]
    public void VerbStems_AreTheWordsAfterASubjectAModalOrAnAdverbOfFrequency(string text, string word, bool isVerb) =>
        Assert.Equal(isVerb, LexiconHinter.VerbStems(text).Contains(Penchant.Language.Stemmer.Stem(word)));

    [Fact]
    public async Task HintAsync_NounKeyUsedAsAVerb_DoesNotMatch()
    {
        ApplicabilityHints verb = await HintAsync("When I book a flight I want the aisle seat.");
        ApplicabilityHints noun = await HintAsync("I prefer e-books over printed books.");

        Assert.Contains("booking a flight", verb.RequestKinds);
        Assert.DoesNotContain("a book or podcast recommendation", verb.RequestKinds);
        Assert.Contains("a book or podcast recommendation", noun.RequestKinds);
    }

    [Theory]
    [InlineData("Cats make me sneeze, I'm allergic.", "visiting friends with pets")]
    [InlineData("Allergic to penicillin.", "painkillers or over-the-counter medicine")]
    [InlineData("I'm allergic to latex.", "gloves for cleaning or gardening")]
    public async Task HintAsync_AllergyToAnAllergenKnownElsewhere_IsNotAFoodAllergy(string text, string expectedKind)
    {
        ApplicabilityHints hints = await HintAsync(text);

        Assert.Contains(expectedKind, hints.RequestKinds);
        Assert.DoesNotContain("a recipe to cook or bake", hints.RequestKinds);
    }

    [Fact]
    public async Task HintAsync_AllergyToNothingTheLexiconKnows_IsAFoodAllergy() =>
        Assert.Contains("a recipe to cook or bake", (await HintAsync("I'm allergic to kiwi.")).RequestKinds);

    [Fact]
    public async Task HintAsync_AnEngineer_IsNotAboutCars() =>
        Assert.DoesNotContain("buying a car or motorcycle", (await HintAsync("I'm a backend developer at a logistics firm.")).RequestKinds);

    [Theory]
    [InlineData("I prefer Star Alliance airlines.", "booking a flight")]
    [InlineData("I love cosy games.", "a game recommendation")]
    public async Task HintAsync_PluralOfAKeyEndingInE_Matches(string text, string expectedKind) =>
        Assert.Contains(expectedKind, (await HintAsync(text)).RequestKinds);

    private async Task<ApplicabilityHints> HintAsync(string text) =>
        await _hinter.HintAsync(new ExtractedPreference { Text = text }, TestContext.Current.CancellationToken);

    private sealed class ZeroEmbeddings : IEmbeddingGenerator<string, Embedding<float>>
    {
        public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(values.Select(static _ => new Embedding<float>(new float[4]))));

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
