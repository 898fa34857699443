namespace Penchant.Evaluation.Evaluators;

public sealed class SelectionCaseResultTests
{
    [Fact]
    public void IsExact_NothingSelectedWhenNothingExpected_IsExact()
    {
        var result = new SelectionCaseResult(Case(expected: []), [], Found: 0);

        Assert.Equal(0, result.CorrectSelected);
        Assert.True(result.IsExact);
    }

    [Fact]
    public void IsExact_ExpectedFoundButOneWrongSelection_IsNotExact()
    {
        var result = new SelectionCaseResult(Case(expected: [0]), [new("a", 0.9, [0], true), new("b", 0.6, [1], false)], Found: 1);

        Assert.Equal(1, result.CorrectSelected);
        Assert.False(result.IsExact);
    }

    [Fact]
    public void IsExact_EveryExpectedFoundAndEverySelectionCorrect_IsExact()
    {
        var result = new SelectionCaseResult(Case(expected: [0, 1]), [new("a", 0.9, [0, 1], true)], Found: 2);

        Assert.True(result.IsExact);
    }

    private static SelectionCase Case(int[] expected) =>
        new(1, "c1", [new CaseStatement("I'm vegan.", null), new CaseStatement("I live in Lyon.", null)], "Suggest a recipe.", expected, null);
}
