namespace Penchant.Evaluation.Evaluators;

public sealed class HygieneReportTests
{
    [Theory]
    [InlineData(3, 5, 2)]
    [InlineData(3, 3, 0)]
    [InlineData(3, 2, 0)] // fewer preferences than distinct ones is a wrong merge, not a negative duplicate count
    public void Duplicates_PreferencesBeyondOnePerDistinct(int distinct, int preferences, int expected)
    {
        var report = new HygieneReport(9, distinct, preferences, 0, 0, 0, 0, 0, 0, 0, 0, []);

        Assert.Equal(expected, report.Duplicates);
    }
}
