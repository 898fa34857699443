namespace Penchant.Evaluation.Metrics;

public sealed class PairwiseAccuracyTests
{
    private const int Digits = 12;

    [Theory]
    [InlineData(0.7, 1)]
    [InlineData(0.3, 0)]
    [InlineData(0.5, 0)] // without a tie rule exactly one half is not a win
    [InlineData(0.5000000000001, 1)]
    public void Credit_NoTieRule_OneAboveHalfZeroOtherwise(double probability, double expected)
    {
        Assert.Equal(expected, PairwiseAccuracy.Credit(probability));
    }

    [Theory]
    [InlineData(0.5, 0.5)]
    [InlineData(0.5000000000001, 0.5)] // within 1e-12: a coin flip
    [InlineData(0.4999999999999, 0.5)]
    [InlineData(0.50001, 1)]
    [InlineData(0.49999, 0)]
    public void Credit_CoinFlipTies_HalfCreditWithinTolerance(double probability, double expected)
    {
        Assert.Equal(expected, PairwiseAccuracy.Credit(probability, tieCredit: 0.5, tolerance: 1e-12));
    }

    [Fact]
    public void Mean_NoPairs_IsZero()
    {
        Assert.Equal(0, PairwiseAccuracy.Mean([]));
    }

    [Fact]
    public void Mean_ThreePairsWithATie_ByHand()
    {
        double[] probabilities = [0.9, 0.2, 0.5];

        Assert.Equal(1.0 / 3, PairwiseAccuracy.Mean(probabilities), Digits);
        Assert.Equal(0.5, PairwiseAccuracy.Mean(probabilities, tieCredit: 0.5, tolerance: 1e-12), Digits);
    }

    [Fact]
    public void ExpectedCalibrationError_OrientedPairsInSeparateBins_ByHand()
    {
        // Oriented: 0.9 with outcome 1 (bin 9), 1 − 0.8 = 0.2 with outcome 0 (bin 2), 0.3 with outcome 1 (bin 3).
        double ece = PairwiseAccuracy.ExpectedCalibrationError([0.9, 0.8, 0.3], [false, true, false]);

        Assert.Equal((0.1 + 0.2 + 0.7) / 3, ece, Digits);
    }

    [Fact]
    public void ExpectedCalibrationError_TwoPairsInOneBin_ComparesTheBinsMeans()
    {
        // Both in bin 7 with outcome 1: |0.75 + 0.7 − 2| / 2.
        double ece = PairwiseAccuracy.ExpectedCalibrationError([0.75, 0.7], [false, false]);

        Assert.Equal(0.275, ece, Digits);
    }

    [Fact]
    public void ExpectedCalibrationError_NoPairs_IsZero()
    {
        Assert.Equal(0, PairwiseAccuracy.ExpectedCalibrationError([], []));
    }

    [Fact]
    public void ExpectedCalibrationError_DifferentLengths_ThrowsNamingTheOrientations()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => PairwiseAccuracy.ExpectedCalibrationError([0.6], []));

        Assert.Equal("flipped", error.ParamName);
    }
}
