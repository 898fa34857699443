using System.Numerics.Tensors;

namespace Penchant.Numerics;

/// <summary>A binary logistic regression over dense vectors, trained by full-batch gradient descent with L2 regularization.</summary>
internal sealed class LogisticClassifier(float[] weights, double bias)
{
    public double Predict(ReadOnlySpan<float> x) => Sigmoid(TensorPrimitives.Dot(weights, x) + bias);

    public static LogisticClassifier Train(float[][] x, double[] y, double l2, int epochs, double learningRate)
    {
        int n = x.Length;
        int d = x[0].Length;
        var w = new float[d];
        var gradient = new double[d];
        double b = 0;
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            Array.Clear(gradient);
            double gb = 0;
            for (int i = 0; i < n; i++)
            {
                double err = Sigmoid(TensorPrimitives.Dot(w, x[i]) + b) - y[i];
                float[] xi = x[i];
                for (int j = 0; j < d; j++)
                {
                    gradient[j] += err * xi[j];
                }

                gb += err;
            }

            for (int j = 0; j < d; j++)
            {
                w[j] -= (float)(learningRate * ((gradient[j] / n) + (l2 * w[j])));
            }

            b -= learningRate * gb / n;
        }

        return new LogisticClassifier(w, b);
    }

    public static double Sigmoid(double z) => 1.0 / (1.0 + Math.Exp(-z));
}
