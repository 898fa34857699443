using Penchant.Domain;
using Penchant.Learning.Statements;
using Penchant.Ranking;
using Penchant.Selecting;

namespace Penchant.Language;

public sealed class NegationTests
{
    [Theory]
    [InlineData("no")]
    [InlineData("dont")]
    [InlineData("than")]
    [InlineData("zero")]
    public void Cues_HoldTheWordsThatTurnAgainstWhatFollows(string word)
    {
        Assert.Contains(word, (IReadOnlySet<string>)Negation.Cues);
    }

    [Theory]
    [InlineData("i don't eat meat", true)]
    [InlineData("gluten-free pasta please", true)]
    [InlineData("i'm allergic to peanuts", true)]
    [InlineData("i love spicy food", false)]
    public void StatementCue_MarksNegativeStatements(string text, bool expected)
    {
        Assert.Equal(expected, Negation.StatementCue().IsMatch(text));
        Assert.Equal(expected ? Polarity.Negative : Polarity.Positive, StatementAnalyzer.Analyze(text, null, 1.0).Polarity);
    }

    [Theory]
    [InlineData("i'm sick of sushi", true)]
    [InlineData("anything too boring", true)]
    [InlineData("without onions", false)]
    [InlineData("i like sushi", false)]
    public void ClauseCue_DiffersFromStatementCue(string text, bool expected)
    {
        Assert.Equal(expected, Negation.ClauseCue().IsMatch(text));
    }

    [Fact]
    public void NegatedWord_FindsWhatIsNegated()
    {
        Assert.Equal("vegan", Negation.NegatedWord().Match("he isn't vegan").Groups["word"].Value);
        Assert.Equal(["onion"], Contradiction.Negated("a pizza without onions").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void NegatedQualifier_And_FreeOf_SplitClauses()
    {
        List<PreferenceClause> clauses = PreferenceClauses.Split("I prefer products that are not tested on animals");

        Assert.Equal("gluten", Negation.FreeOf().Match("gluten-free bread").Groups["object"].Value);
        Assert.Contains(clauses, static c => c.Negative);
        Assert.Contains(clauses, static c => !c.Negative);
    }

    [Fact]
    public void ObjectKey_NegationCue_ReachesTheObjectButNotPastAPreposition()
    {
        ObjectKey against = ObjectKey.Of("no emojis in emails");
        ObjectKey forIt = ObjectKey.Of("I love emojis");

        Assert.True(against.CompareTo(forIt).StanceClash);
    }
}
