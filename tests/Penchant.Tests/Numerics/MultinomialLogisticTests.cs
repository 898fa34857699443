namespace Penchant.Numerics;

public sealed class MultinomialLogisticTests
{
    // Three clusters on the corners of a triangle, each its own class.
    private static (List<double[]> X, List<int> Y) Clusters()
    {
        var x = new List<double[]>();
        var y = new List<int>();
        double[][] centres = [[2, 0], [-1, 1.7], [-1, -1.7]];
        var random = new Random(5);
        for (int k = 0; k < 3; k++)
        {
            for (int i = 0; i < 20; i++)
            {
                x.Add([centres[k][0] + ((random.NextDouble() - 0.5) * 0.6), centres[k][1] + ((random.NextDouble() - 0.5) * 0.6)]);
                y.Add(k);
            }
        }

        return (x, y);
    }

    [Fact]
    public void Train_SeparableClusters_PredictsEveryTrainingPointAndSumsToOne()
    {
        (List<double[]> x, List<int> y) = Clusters();

        MultinomialLogistic model = MultinomialLogistic.Train(x, y, 3, l2: 0.001, iterations: 300, learningRate: 0.5, balanced: false);

        Span<double> p = stackalloc double[3];
        for (int i = 0; i < x.Count; i++)
        {
            model.Predict(x[i], p);
            Assert.Equal(1.0, p[0] + p[1] + p[2], 9);
            int best = p[0] >= p[1] && p[0] >= p[2] ? 0 : p[1] >= p[2] ? 1 : 2;
            Assert.Equal(y[i], best);
        }
    }

    [Fact]
    public void Train_SameData_SameWeights()
    {
        (List<double[]> x, List<int> y) = Clusters();

        double[] a = MultinomialLogistic.Train(x, y, 3, 0.01, 50, 0.3, balanced: true).Weights.ToArray();
        double[] b = MultinomialLogistic.Train(x, y, 3, 0.01, 50, 0.3, balanced: true).Weights.ToArray();

        Assert.Equal(a, b);
    }

    [Fact]
    public void Predict_HandSetWeights_IsSoftmaxOfScores()
    {
        // Class 0: 1·x + 0, class 1: 0·x + ln 3: at x = 0 the odds are 1 : 3.
        var model = new MultinomialLogistic(2, 1, [1, 0, 0, Math.Log(3)]);

        Span<double> p = stackalloc double[2];
        model.Predict([0.0], p);

        Assert.Equal(0.25, p[0], 12);
        Assert.Equal(0.75, p[1], 12);
    }

    [Fact]
    public void Constructor_WrongWeightCount_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => new MultinomialLogistic(3, 2, new double[8]));

        Assert.Equal("weights", ex.ParamName);
    }

    [Fact]
    public void Train_LabelOutOfRange_Throws()
    {
        Assert.Throws<ArgumentException>(() => MultinomialLogistic.Train([[1.0], [2.0]], [0, 3], 3, 0, 1, 0.1, balanced: false));
    }
}
