using Penchant.Evaluation.Datasets;

namespace Penchant.Evaluation.Evaluators;

public sealed class OpeEvaluatorTests
{
    // Random logs: two items at one position, each shown with probability 0.5; item 0 clicked twice, item 1 never.
    private static readonly OpenBanditRow[] Random =
    [
        new(0, 1, true, 0.5), new(0, 1, true, 0.5), new(1, 1, false, 0.5), new(1, 1, false, 0.5),
    ];

    // The target policy's own logs: item 0 three times of four (π = 0.75, 0.25), one click (truth 0.25).
    private static readonly OpenBanditRow[] Target =
    [
        new(0, 1, true, 0.7), new(0, 1, false, 0.7), new(0, 1, false, 0.7), new(1, 1, false, 0.3),
    ];

    [Fact]
    public void Evaluate_HandFixture_MatchesHandComputedEstimates()
    {
        OpeReport report = OpeEvaluator.Evaluate("test", Random, Target);

        // w = 1.5 for item 0, 0.5 for item 1: IPS = (1.5 + 1.5) / 4, SNIPS = 3 / 4.
        Assert.Equal(0.75, report.Estimates.Ips.Value, 12);
        Assert.Equal(0.75, report.Estimates.Snips.Value, 12);

        // Overall rate 0.5, one pseudo-click over 2 pseudo-impressions: r̂ = 3/4 and 1/4; DM = 0.75·0.75 + 0.25·0.25.
        Assert.Equal(0.625, report.Estimates.DirectMethod.Value, 12);

        // DR = DM + mean(w (r − r̂)) = 0.625 + (2 · 1.5 · 0.25 − 2 · 0.5 · 0.25) / 4.
        Assert.Equal(0.75, report.Estimates.DoublyRobust.Value, 12);
        Assert.Equal(0.25, report.Truth.Value, 12);
        Assert.Equal(2.0, report.DoublyRobustRelativeError, 12);
    }

    [Fact]
    public void Evaluate_NoClicks_ThrowsEvaluationInputException()
    {
        OpenBanditRow[] none = [new(0, 1, false, 0.5), new(1, 1, false, 0.5)];

        Assert.Throws<EvaluationInputException>(() => OpeEvaluator.Evaluate("test", none, Target));
    }
}
