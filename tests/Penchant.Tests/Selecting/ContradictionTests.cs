using Penchant.Domain;
using Penchant.Language;

namespace Penchant.Selecting;

public sealed class ContradictionTests
{
    [Theory]
    [InlineData("keep code examples in python.", "show me this in java this time.")]
    [InlineData("i prefer aisle seats.", "get me a window seat, i want to see the view.")]
    [InlineData("keep emails with clients formal.", "write a super casual email to tom, keep it loose.")]
    [InlineData("always book me the cheapest flight.", "book the direct flight even if it's pricier.")]
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
        Assert.Equal(new[] { ("4", "space") }, Contradiction.Quantities("use 4 spaces in python."));
        Assert.Equal(new[] { ("2", "space") }, Contradiction.Quantities("the style guide uses 2-space indents."));
        Assert.Empty(Contradiction.Quantities("no meetings before 10am."));
    }

    [Fact]
    public void Negated_FindsTheNegatedWords()
    {
        Assert.Contains("vegan", Contradiction.Negated("i'm baking for my grandpa who isn't vegan."));
        Assert.Contains("code", Contradiction.Negated("no code needed, just the idea."));
        Assert.Empty(Contradiction.Negated("give me a vegan cake recipe."));
    }

    [Theory]
    [InlineData("Keep code examples in Python.", "Write it in Java this time.", true)]
    [InlineData("Keep code examples in Python.", "Port this Java function to Python.", false)]
    [InlineData("Keep code examples in Python.", "Write a function that reverses a list.", false)]
    [InlineData("Use 4 spaces in Python.", "Our style guide uses 2 spaces, so use 2 spaces here.", true)]
    [InlineData("I'm vegan.", "I'm baking for my grandpa who isn't vegan.", true)]
    [InlineData("I don't eat pork.", "Give me a recipe with no pork at all.", false)]
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
