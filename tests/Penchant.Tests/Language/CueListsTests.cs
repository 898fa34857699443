namespace Penchant.Language;

public sealed class CueListsTests
{
    [Theory]
    [InlineData("from now on, metric please", true)]
    [InlineData("going forward use tabs", true)]
    [InlineData("now use tabs", false)]
    public void TimeExpressions_FromNowOn(string text, bool expected)
    {
        Assert.Equal(expected, TimeExpressions.FromNowOn().IsMatch(text));
    }

    [Theory]
    [InlineData("i no longer eat fish", true)]
    [InlineData("i used to drink coffee", true)]
    [InlineData("i eat fish", false)]
    public void TimeExpressions_Change(string text, bool expected)
    {
        Assert.Equal(expected, TimeExpressions.Change().IsMatch(text));
    }

    [Fact]
    public void TimeExpressions_RangeConnectors()
    {
        Assert.Equal(["through", "thru", "till", "to", "until"], TimeExpressions.RangeConnectors.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("my car is blue", true)]
    [InlineData("im tired", true)]
    [InlineData("the car is blue", false)]
    public void FunctionWords_FirstPerson(string text, bool expected)
    {
        Assert.Equal(expected, FunctionWords.FirstPerson().IsMatch(text));
    }

    [Fact]
    public void FunctionWords_Lists()
    {
        Assert.Matches(FunctionWords.ForSelf(), "a gift for myself");
        Assert.DoesNotMatch(FunctionWords.ForSelf(), "a gift for my mom");
        Assert.Contains("during", (IReadOnlySet<string>)FunctionWords.Prepositions);
        Assert.Contains("costing", (IReadOnlySet<string>)FunctionWords.Restrictions);
        Assert.Equal(["if", "when", "whenever", "while"], FunctionWords.ConditionCues.Order(StringComparer.Ordinal));
        Assert.Contains("wont", (IReadOnlySet<string>)FunctionWords.VerbCues);
    }

    [Theory]
    [InlineData("i really love it", true, false)]
    [InlineData("never, under no circumstances", false, true)]
    [InlineData("i like tea", false, false)]
    public void StanceCues_StrongAndAbsolute(string text, bool strong, bool absolute)
    {
        Assert.Equal(strong, StanceCues.Strong().IsMatch(text));
        Assert.Equal(absolute, StanceCues.Absolute().IsMatch(text));
    }

    [Fact]
    public void ReactionCues_ReadThanksComplaintsAndSarcasm()
    {
        Assert.Contains(ReactionCues.Satisfied, static cue => cue.Pattern.IsMatch("thanks, that works"));
        Assert.Contains(ReactionCues.Dissatisfied, static cue => cue.Pattern.IsMatch("that's wrong"));
        Assert.Matches(ReactionCues.Sarcasm, "thanks for nothing");
        Assert.Matches(ReactionCues.Contrast, "thanks, but it's long");
        Assert.Matches(ReactionCues.Wish, "make it shorter");
        Assert.Matches(ReactionCues.Complaint, "it still doesn't work");
        Assert.Equal("shorter please", ReactionCues.WishNoise.Replace("ugh, shorter please", string.Empty));
    }
}
