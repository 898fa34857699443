namespace Penchant.Numerics;

public sealed class LogisticClassifierTests
{
    [Fact]
    public void Train_SeparableSet_ClassifiesEveryPointAndLearnsTheDirection()
    {
        // The label is whether the first feature exceeds the second by a margin; the third is noise.
        var random = new Random(9);
        var x = new List<float[]>();
        var y = new List<double>();
        while (x.Count < 200)
        {
            float a = (float)random.NextDouble(), b = (float)random.NextDouble();
            if (Math.Abs(a - b) < 0.1)
            {
                continue;
            }

            x.Add([a, b, (float)random.NextDouble()]);
            y.Add(a > b ? 1 : 0);
        }

        LogisticClassifier classifier = LogisticClassifier.Train([.. x], [.. y], l2: 1e-4, epochs: 2000, learningRate: 2.0);

        for (int i = 0; i < x.Count; i++)
        {
            Assert.Equal(y[i] == 1, classifier.Predict(x[i]) > 0.5);
        }

        Assert.True(classifier.Predict([0.9f, 0.1f, 0.5f]) > 0.9);
        Assert.True(classifier.Predict([0.1f, 0.9f, 0.5f]) < 0.1);
    }

    [Fact]
    public void Sigmoid_Zero_IsOneHalf()
    {
        Assert.Equal(0.5, LogisticClassifier.Sigmoid(0));
    }
}
