namespace Penchant.Evaluation.Metrics;

public sealed class SelectionTallyTests
{
    private const int Digits = 12;

    [Fact]
    public void Metrics_NoCases_NothingSelectedNothingExpectedIsPerfectButNoCaseIsExact()
    {
        var tally = new SelectionTally();

        Assert.Equal(0, tally.Cases);
        Assert.Equal(1, tally.Precision);
        Assert.Equal(1, tally.Recall);
        Assert.Equal(1, tally.F1);
        Assert.Equal(0, tally.ExactRate);
    }

    [Fact]
    public void Add_NothingSelectedButSomethingExpected_PrecisionRecallAndF1AreZero()
    {
        var tally = new SelectionTally();

        tally.Add(selected: 0, correct: 0, expected: 2, found: 0, exact: false);

        Assert.Equal(0, tally.Precision);
        Assert.Equal(0, tally.Recall);
        Assert.Equal(0, tally.F1);
        Assert.Equal(0, tally.ExactRate);
    }

    [Fact]
    public void Add_SelectedWhenNothingExpected_PrecisionZeroRecallOneF1Zero()
    {
        var tally = new SelectionTally();

        tally.Add(selected: 2, correct: 0, expected: 0, found: 0, exact: false);

        Assert.Equal(0, tally.Precision);
        Assert.Equal(1, tally.Recall);
        Assert.Equal(0, tally.F1);
    }

    [Fact]
    public void Add_OneCase_PrecisionRecallAndF1ByHand()
    {
        var tally = new SelectionTally();

        // 3 selected, 2 of them correct; 4 expected, 2 of them found.
        tally.Add(selected: 3, correct: 2, expected: 4, found: 2, exact: false);

        Assert.Equal(2.0 / 3, tally.Precision, Digits);
        Assert.Equal(0.5, tally.Recall, Digits);
        Assert.Equal(4.0 / 7, tally.F1, Digits); // 2 · (2/3) · (1/2) / (2/3 + 1/2)
    }

    [Fact]
    public void Add_TwoCases_MicroAveragesCountsNotRates()
    {
        // Arrange
        var tally = new SelectionTally();

        // Act: one exact case (1 of 1), and one that selected 2 wrong preferences where nothing applied
        tally.Add(selected: 1, correct: 1, expected: 1, found: 1, exact: true);
        tally.Add(selected: 2, correct: 0, expected: 0, found: 0, exact: false);

        // Assert: precision 1/3 over all selections (a macro average would give 1/2)
        Assert.Equal(2, tally.Cases);
        Assert.Equal(3, tally.Selected);
        Assert.Equal(1.0 / 3, tally.Precision, Digits);
        Assert.Equal(1, tally.Recall);
        Assert.Equal(0.5, tally.F1, Digits);
        Assert.Equal(0.5, tally.ExactRate);
    }

    [Fact]
    public void Add_MoreCorrectThanSelected_ThrowsNamingTheCount()
    {
        var tally = new SelectionTally();

        ArgumentOutOfRangeException error = Assert.Throws<ArgumentOutOfRangeException>(() => tally.Add(selected: 1, correct: 2, expected: 2, found: 0, exact: false));

        Assert.Equal("selected", error.ParamName);
        Assert.Equal(0, tally.Cases);
    }

    [Fact]
    public void Add_MoreFoundThanExpected_ThrowsNamingTheCount()
    {
        var tally = new SelectionTally();

        ArgumentOutOfRangeException error = Assert.Throws<ArgumentOutOfRangeException>(() => tally.Add(selected: 1, correct: 1, expected: 0, found: 1, exact: false));

        Assert.Equal("expected", error.ParamName);
    }
}
