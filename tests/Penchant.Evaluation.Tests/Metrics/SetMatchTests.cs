namespace Penchant.Evaluation.Metrics;

public sealed class SetMatchTests
{
    [Fact]
    public void Match_NothingSelected_NothingCorrectNothingFound()
    {
        (bool[] correct, int found) = SetMatch.Match([], new HashSet<int> { 0, 1 });

        Assert.Empty(correct);
        Assert.Equal(0, found);
    }

    [Fact]
    public void Match_NothingExpected_EverySelectionIsWrong()
    {
        (bool[] correct, int found) = SetMatch.Match([[0], [1, 2]], new HashSet<int>());

        Assert.Equal([false, false], correct);
        Assert.Equal(0, found);
    }

    [Fact]
    public void Match_OneExpectedSourceAmongSeveral_MakesTheSelectionCorrect()
    {
        // Sources {0, 2}, {1} and none; expected {2, 3}.
        (bool[] correct, int found) = SetMatch.Match([[0, 2], [1], []], new HashSet<int> { 2, 3 });

        Assert.Equal([true, false, false], correct);
        Assert.Equal(1, found);
    }

    [Fact]
    public void Match_TwoSelectionsFromTheSameExpectedSource_BothCorrectFoundOnce()
    {
        (bool[] correct, int found) = SetMatch.Match([[1], [1]], new HashSet<int> { 1 });

        Assert.Equal([true, true], correct);
        Assert.Equal(1, found);
    }

    [Theory]
    [InlineData(0, 0, 0, 0, true)] // nothing selected, nothing expected
    [InlineData(0, 0, 2, 0, false)] // missed everything
    [InlineData(2, 2, 1, 1, true)] // two preferences from the one expected statement
    [InlineData(2, 1, 1, 1, false)] // one wrong selection
    [InlineData(1, 1, 2, 1, false)] // one expected statement missed
    public void IsExact_Counts_TrueOnlyWithNothingMissingAndNothingWrong(int selected, int correct, int expected, int found, bool exact)
    {
        Assert.Equal(exact, SetMatch.IsExact(selected, correct, expected, found));
    }
}
