using Penchant.Language;
namespace Penchant.Ranking;

public sealed class RankingConceptsTests
{
    private static string[] Stems(string phrase) => [.. TextTools.ContentStemSequence(phrase).Select(static s => s.Stem)];

    [Fact]
    public void All_EveryConcept_HasATerm()
    {
        Assert.NotEmpty(RankingConcepts.All);
        Assert.All(RankingConcepts.All, static c => Assert.NotEmpty(c.Terms));
    }

    [Fact]
    public void NamedBy_Term_CoversTheClauseWordsItSpans()
    {
        List<NamedConcept> named = RankingConcepts.NamedBy("clothing made from animal-derived fabrics");

        Assert.Contains(named, static n => n.TermStems.SetEquals(Stems("animal derived")) && n.Concept.Members.Any(static m => m.SequenceEqual(["cashmere"])));
    }

    [Fact]
    public void NamedBy_LongerPhrase_Wins()
    {
        // "low-heeled" is an opposite of heels: it does not name heels, so stilettos are not what the clause asks for.
        List<NamedConcept> named = RankingConcepts.NamedBy("flats or low-heeled shoes");

        Assert.DoesNotContain(named, static n => n.TermStems.Contains("heel"));
    }

    [Fact]
    public void NamedBy_OppositeTheClauseItselfNames_IsNoOpposite()
    {
        List<NamedConcept> named = RankingConcepts.NamedBy("fur, whether real or faux");

        NamedConcept animal = Assert.Single(named, static n => n.MemberStems.Contains("fur") && n.Concept.Terms.Any(static t => t.SequenceEqual(Stems("animal derived"))));
        Assert.DoesNotContain(animal.Concept.Opposites, static o => o.SequenceEqual(["faux"]));
    }
}
