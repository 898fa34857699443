using Penchant.Domain;
using Penchant.Language;

namespace Penchant.Selecting;

public sealed class ContradictionTests
{
    [Theory]
    [InlineData("write my snippets in kotlin.", "do this one in ruby instead.")]
    [InlineData("on trains i take the aisle.", "reserve a window seat on the coastal line.")]
    [InlineData("my cover letters stay formal.", "a chatty note for the neighbours, nothing stiff.")]
    [InlineData("pick the cheapest rental car.", "get the premium convertible for the wedding.")]
    public void Values_AnotherValueOfTheSameSlot_Differ(string preference, string request)
    {
        (int Slot, int Value)[] p = Contradiction.Values(preference);
        (int Slot, int Value)[] r = Contradiction.Values(request);

        (int slot, int value) = Assert.Single(p);
        Assert.Contains(r, x => x.Slot == slot && x.Value != value);
        Assert.DoesNotContain(r, x => x.Slot == slot && x.Value == value);
    }

    [Theory]
    [InlineData("let's go to the park and go home early.")]
    [InlineData("what's a good budget for a wedding?")]
    public void Values_WordsCommonInOtherSenses_AreNotSlotValues(string text) => Assert.Empty(Contradiction.Values(text));

    [Fact]
    public void Values_SynonymsOfOneValue_AreTheSameValue() =>
        Assert.Equal(Contradiction.Values("write it in c#."), Contradiction.Values("a csharp example please."));

    [Fact]
    public void Quantities_NumberWithUnit_IsFound_AndClockTimesAreNot()
    {
        Assert.Equal(new[] { ("3", "column") }, Contradiction.Quantities("lay reports out in 3 columns."));
        Assert.Equal(new[] { ("8", "space") }, Contradiction.Quantities("the legacy repo wants 8-space indents."));
        Assert.Empty(Contradiction.Quantities("no calls after 6pm."));
    }

    [Fact]
    public void Negated_FindsTheNegatedWords()
    {
        Assert.Contains("vegetarian", Contradiction.Negated("the guests at the barbecue aren't vegetarian."));
        Assert.Contains("diagram", Contradiction.Negated("no diagrams this time, words are fine."));
        Assert.Empty(Contradiction.Negated("a vegetarian lasagne for eight, please."));
    }

    [Theory]
    [InlineData("My snippets should be in Kotlin.", "Show the parser in Scala for a change.", true)]
    [InlineData("My snippets should be in Kotlin.", "Translate this Scala class into Kotlin.", false)]
    [InlineData("My snippets should be in Kotlin.", "Show a parser for dates in the log.", false)]
    [InlineData("Indent YAML with 4 spaces.", "This repo's linter wants 2 spaces, so indent with 2 spaces.", true)]
    [InlineData("I'm vegetarian.", "Plan a menu for my uncle, who isn't vegetarian.", true)]
    [InlineData("I don't eat shellfish.", "Suggest a paella with no shellfish in it.", false)]
    public void Contradicts_OnlyWhenTheRequestAsksForSomethingElse(string preference, string request, bool expected)
    {
        var p = new Preference
        {
            Id = "pf_1",
            Text = preference,
            Polarity = preference.Contains("don't", StringComparison.Ordinal) ? Polarity.Negative : Polarity.Positive,
        };
        var prepared = new PreparedPreference(p, TextTools.ContentStems(preference), [], null, [], null);
        var view = new RequestView(new RequestContext(request), new float[] { 1, 0, 0 });

        Assert.Equal(expected, Contradiction.Contradicts(view, prepared));
    }
}
