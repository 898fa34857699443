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

    [Theory]
    [InlineData("what time is it", true)]
    [InlineData("is there a vegan option", true)]
    [InlineData("i prefer tea", false)]
    public void FunctionWords_QuestionStart(string text, bool expected)
    {
        Assert.Equal(expected, FunctionWords.QuestionStart().IsMatch(text));
    }

    [Fact]
    public void FunctionWords_AddressesAssistant_NotAThing_LeadingSubject()
    {
        Assert.Matches(FunctionWords.AddressesAssistant(), "could you shorten it");
        Assert.DoesNotMatch(FunctionWords.AddressesAssistant(), "i like short answers");
        Assert.Matches(FunctionWords.NotAThing(), "everything");
        Assert.DoesNotMatch(FunctionWords.NotAThing(), "hotel rooms");
        Assert.Equal("book a table", FunctionWords.LeadingSubject().Replace("I want to book a table", string.Empty));
    }

    [Theory]
    [InlineData("because it is cheaper", true, false)]
    [InlineData("rather than trains", false, true)]
    [InlineData("without onions", false, true)]
    [InlineData("trains are slow", false, false)]
    public void Connectives_ReasonAndInverting(string text, bool reason, bool inverting)
    {
        Assert.Equal(reason, Connectives.Reason().IsMatch(text));
        Assert.Equal(inverting, Connectives.Inverting().IsMatch(text));
    }

    [Theory]
    [InlineData("just this once, a burger", true)]
    [InlineData("ignore my diet tonight", true)]
    [InlineData("a burger please", false)]
    public void StanceCues_Override(string text, bool expected)
    {
        Assert.Equal(expected, StanceCues.Override().IsMatch(text));
    }
}
