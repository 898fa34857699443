namespace Penchant.Numerics;

public sealed class ConditionalLogitTests
{
    private static List<ChoiceExample> Examples()
    {
        // The right option is high on feature 0 and low on feature 1; feature 2 is noise.
        var random = new Random(3);
        var examples = new List<ChoiceExample>();
        for (int e = 0; e < 200; e++)
        {
            var options = new double[4][];
            for (int o = 0; o < 4; o++)
            {
                options[o] = [random.NextDouble(), random.NextDouble(), random.NextDouble()];
            }

            int chosen = Enumerable.Range(0, 4).MaxBy(o => options[o][0] - options[o][1]);
            examples.Add(new ChoiceExample(options, chosen));
        }

        return examples;
    }

    [Fact]
    public void Fit_SeparableChoices_LearnsSignsAndRanksRightOptionFirst()
    {
        List<ChoiceExample> examples = Examples();

        double[] weights = ConditionalLogit.Fit(examples, iterations: 2000);

        Assert.True(weights[0] > 1);
        Assert.True(weights[1] < -1);
        Assert.True(Math.Abs(weights[2]) < Math.Abs(weights[0]) / 4);
        Assert.True(ConditionalLogit.Accuracy(examples, weights) > 0.9);
    }

    [Fact]
    public void Fit_FixedWeightAndStrongPrior_AreKept()
    {
        List<ChoiceExample> examples = Examples();

        double[] weights = ConditionalLogit.Fit(examples, l2: 1.0, iterations: 500, fixedWeights: [null, null, 5.0], prior: [-1, 1, 0]);

        Assert.Equal(5.0, weights[2]);
        Assert.True(weights[0] < 0);
    }

    [Fact]
    public void Fit_ChosenOutOfRange_Throws()
    {
        Assert.Throws<ArgumentException>(() => ConditionalLogit.Fit([new ChoiceExample([[1.0], [0.0]], 2)]));
    }

    [Fact]
    public void Probabilities_SumToOne()
    {
        double[] p = ConditionalLogit.Probabilities([[1.0, 0.0], [0.0, 1.0], [0.5, 0.5]], [2.0, -1.0]);

        Assert.Equal(1.0, p.Sum(), 9);
        Assert.True(p[0] > p[2] && p[2] > p[1]);
    }
}
