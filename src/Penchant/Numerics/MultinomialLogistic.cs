namespace Penchant.Numerics;

/// <summary>
/// Multinomial logistic regression (softmax regression): one weight vector and bias per class, probabilities by
/// <see cref="Softmax"/>. Trained by full-batch gradient descent with Nesterov momentum on the mean cross-entropy plus an
/// L2 penalty on the weights (not the biases), optionally weighting each class; deterministic.
/// </summary>
/// <remarks>Thread-safe once built (read-only).</remarks>
internal sealed class MultinomialLogistic
{
    private readonly double[] _weights;

    /// <summary>Initializes a new instance of the <see cref="MultinomialLogistic"/> class from its parameters.</summary>
    /// <param name="classes">The number of classes (at least 2).</param>
    /// <param name="features">The number of features (at least 1).</param>
    /// <param name="weights">Row-major, one row per class: the feature weights then the bias (<c>classes · (features + 1)</c> values).</param>
    /// <exception cref="ArgumentException">The weights have the wrong length or are not finite.</exception>
    public MultinomialLogistic(int classes, int features, double[] weights)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(features, 1);
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Length != classes * (features + 1) || !weights.All(double.IsFinite))
        {
            throw new ArgumentException($"Expected {classes * (features + 1)} finite weights, got {weights.Length}.", nameof(weights));
        }

        Classes = classes;
        Features = features;
        _weights = weights;
    }

    /// <summary>Gets the number of classes.</summary>
    public int Classes { get; }

    /// <summary>Gets the number of features.</summary>
    public int Features { get; }

    /// <summary>Gets the parameters, row-major, one row per class: the feature weights then the bias.</summary>
    public ReadOnlySpan<double> Weights => _weights;

    /// <summary>Writes the class probabilities of a feature vector.</summary>
    /// <param name="x">The features (<see cref="Features"/> values).</param>
    /// <param name="probabilities">Receives the <see cref="Classes"/> probabilities.</param>
    public void Predict(ReadOnlySpan<double> x, Span<double> probabilities)
    {
        if (x.Length != Features || probabilities.Length != Classes)
        {
            throw new ArgumentException($"Expected {Features} features and room for {Classes} probabilities.");
        }

        Scores(_weights, x, probabilities);
        Softmax.InPlace(probabilities);
    }

    /// <summary>Fits a model.</summary>
    /// <param name="x">The feature vectors, all of one length.</param>
    /// <param name="y">The class of each vector, in <c>[0, classes)</c>.</param>
    /// <param name="classes">The number of classes.</param>
    /// <param name="l2">The L2 penalty on the weights.</param>
    /// <param name="iterations">Gradient steps.</param>
    /// <param name="learningRate">The step size.</param>
    /// <param name="balanced">Whether each class weighs the same in the loss, whatever its count.</param>
    /// <returns>The model.</returns>
    /// <exception cref="ArgumentException">The data is empty, ragged or has a class out of range.</exception>
    public static MultinomialLogistic Train(IReadOnlyList<double[]> x, IReadOnlyList<int> y, int classes, double l2, int iterations, double learningRate, bool balanced)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count == 0 || x.Count != y.Count)
        {
            throw new ArgumentException("Training needs as many labels as vectors, and at least one.");
        }

        int d = x[0].Length;
        var counts = new int[classes];
        for (int i = 0; i < x.Count; i++)
        {
            if (x[i].Length != d || y[i] < 0 || y[i] >= classes)
            {
                throw new ArgumentException($"Vector {i} has {x[i].Length} features (expected {d}) or class {y[i]} (expected below {classes}).");
            }

            counts[y[i]]++;
        }

        var sampleWeight = new double[classes];
        for (int k = 0; k < classes; k++)
        {
            sampleWeight[k] = !balanced ? 1.0 / x.Count : counts[k] == 0 ? 0 : 1.0 / (classes * (double)counts[k]);
        }

        int stride = d + 1;
        var w = new double[classes * stride];
        var velocity = new double[w.Length];
        var lookahead = new double[w.Length];
        var gradient = new double[w.Length];
        var p = new double[classes];
        const double Momentum = 0.9;
        for (int step = 0; step < iterations; step++)
        {
            for (int j = 0; j < w.Length; j++)
            {
                lookahead[j] = w[j] + (Momentum * velocity[j]);
            }

            Array.Clear(gradient);
            for (int i = 0; i < x.Count; i++)
            {
                Scores(lookahead, x[i], p);
                Softmax.InPlace(p);
                double weight = sampleWeight[y[i]];
                for (int k = 0; k < classes; k++)
                {
                    double error = weight * (p[k] - (k == y[i] ? 1 : 0));
                    int row = k * stride;
                    double[] xi = x[i];
                    for (int j = 0; j < d; j++)
                    {
                        gradient[row + j] += error * xi[j];
                    }

                    gradient[row + d] += error;
                }
            }

            for (int k = 0; k < classes; k++)
            {
                for (int j = 0; j < d; j++)
                {
                    gradient[(k * stride) + j] += l2 * lookahead[(k * stride) + j];
                }
            }

            for (int j = 0; j < w.Length; j++)
            {
                velocity[j] = (Momentum * velocity[j]) - (learningRate * gradient[j]);
                w[j] += velocity[j];
            }
        }

        return new MultinomialLogistic(classes, d, w);
    }

    private static void Scores(ReadOnlySpan<double> weights, ReadOnlySpan<double> x, Span<double> scores)
    {
        int d = x.Length;
        for (int k = 0; k < scores.Length; k++)
        {
            ReadOnlySpan<double> row = weights.Slice(k * (d + 1), d);
            double z = weights[(k * (d + 1)) + d];
            for (int j = 0; j < d; j++)
            {
                z += row[j] * x[j];
            }

            scores[k] = z;
        }
    }
}
