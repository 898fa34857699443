namespace Penchant.Deciding;

public sealed class OffPolicyEstimatorsTests
{
    // Three logged decisions: w = π/μ, r, r̂ of the logged action, and dm = Σₐ π(a) r̂(a).
    private static readonly double[] Weights = [2, 0, 1];
    private static readonly double[] Rewards = [1, 0, 0];
    private static readonly double[] Predicted = [0.5, 0.2, 0.1];
    private static readonly double[] Direct = [0.4, 0.3, 0.2];

    [Fact]
    public void Estimate_ThreeDecisions_MatchesHandComputedValues()
    {
        OffPolicyReport report = OffPolicyEstimators.Estimate(Weights, Rewards, Predicted, Direct);

        // IPS terms 2, 0, 0: mean 2/3, sample variance 4/3, standard error √(4/9) = 2/3.
        Assert.Equal(2.0 / 3, report.Ips.Value, 12);
        Assert.Equal(2.0 / 3, report.Ips.StandardError, 12);
        Assert.Equal((2.0 / 3) - (1.96 * 2.0 / 3), report.Ips.Lower, 12);

        // SNIPS: Σ w r / Σ w = 2/3; delta method √((2·⅓)² + (1·⅔)²) / 3.
        Assert.Equal(2.0 / 3, report.Snips.Value, 12);
        Assert.Equal(Math.Sqrt(8.0 / 9) / 3, report.Snips.StandardError, 12);

        // DM: mean of dm = 0.3. DR terms: 0.4 + 2·0.5 = 1.4, 0.3, 0.2 − 0.1 = 0.1; mean 0.6.
        Assert.Equal(0.3, report.DirectMethod.Value, 12);
        Assert.Equal(0.6, report.DoublyRobust.Value, 12);
        Assert.Equal(1.0, report.MeanWeight, 12);
        Assert.Equal(3, report.Decisions);
    }

    [Fact]
    public void Estimate_PerfectRewardModel_DoublyRobustEqualsDirectMethodWithoutVarianceFromWeights()
    {
        OffPolicyReport report = OffPolicyEstimators.Estimate([5, 0.1], [1, 0], [1, 0], [0.5, 0.5]);

        Assert.Equal(0.5, report.DoublyRobust.Value, 12);
        Assert.Equal(0.0, report.DoublyRobust.StandardError, 12);
        Assert.True(report.DoublyRobust.Covers(0.5));
    }

    [Fact]
    public void Estimate_MismatchedLengths_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => OffPolicyEstimators.Estimate([1, 2], [1], [1, 2], [1, 2]));

        Assert.Equal("weights", error.ParamName);
    }

    [Fact]
    public void Estimate_NegativeWeight_Throws()
    {
        Assert.Throws<ArgumentException>(() => OffPolicyEstimators.Estimate([-1], [1], [1], [1]));
    }
}
