namespace Penchant.Numerics;

/// <summary>
/// A binary logistic regression over a few dense features fitted exactly by Newton's method (iteratively reweighted least
/// squares) with an L2 penalty on the weights, not on the bias: the fit of small, shipped models such as the selection gate.
/// </summary>
internal static class LogisticRegression
{
    /// <summary>Fits <c>P(y = 1 | x) = σ(b + w·x)</c>.</summary>
    /// <param name="x">One row of features per example, all of the same length.</param>
    /// <param name="y">The outcomes, 0 or 1 (or in between).</param>
    /// <param name="l2">The penalty <c>λ/2·|w|²</c> per example: the total penalty is <c>λ·n/2·|w|²</c>.</param>
    /// <param name="sampleWeights">A weight per example, or <see langword="null"/> for 1 each.</param>
    /// <param name="iterations">At most this many Newton steps.</param>
    /// <returns>The weights and the bias.</returns>
    /// <exception cref="ArgumentException">The rows are empty or differ in length, or the outcomes do not match them.</exception>
    public static (double[] Weights, double Bias) Fit(IReadOnlyList<double[]> x, IReadOnlyList<double> y, double l2, IReadOnlyList<double>? sampleWeights = null, int iterations = 50)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count == 0 || x.Count != y.Count || (sampleWeights is not null && sampleWeights.Count != x.Count))
        {
            throw new ArgumentException("Every example needs an outcome (and a weight, when weights are given).", nameof(y));
        }

        int d = x[0].Length;
        int m = d + 1; // the bias is the last coordinate
        var theta = new double[m];
        var gradient = new double[m];
        var hessian = new double[m * m];
        double total = 0;
        for (int i = 0; i < x.Count; i++)
        {
            if (x[i].Length != d)
            {
                throw new ArgumentException("Every row needs the same number of features.", nameof(x));
            }

            total += sampleWeights?[i] ?? 1.0;
        }

        double lambda = l2 * total;
        for (int iteration = 0; iteration < iterations; iteration++)
        {
            Array.Clear(gradient);
            Array.Clear(hessian);
            for (int i = 0; i < x.Count; i++)
            {
                double[] row = x[i];
                double z = theta[d];
                for (int j = 0; j < d; j++)
                {
                    z += theta[j] * row[j];
                }

                double p = Logistic.Sigmoid(z);
                double weight = sampleWeights?[i] ?? 1.0;
                double error = weight * (p - y[i]);
                double curvature = weight * Math.Max(p * (1 - p), 1e-12);
                for (int a = 0; a < m; a++)
                {
                    double xa = a == d ? 1.0 : row[a];
                    gradient[a] += error * xa;
                    for (int b = 0; b <= a; b++)
                    {
                        double xb = b == d ? 1.0 : row[b];
                        hessian[(a * m) + b] += curvature * xa * xb;
                    }
                }
            }

            for (int a = 0; a < m; a++)
            {
                for (int b = 0; b < a; b++)
                {
                    hessian[(b * m) + a] = hessian[(a * m) + b];
                }

                // A tiny ridge on the bias keeps the system positive definite when the outcomes are all alike.
                double ridge = a == d ? 1e-9 * total : lambda;
                hessian[(a * m) + a] += ridge;
                gradient[a] += a == d ? 0 : lambda * theta[a];
            }

            Cholesky.Factor(hessian, m);
            Cholesky.Solve(hessian, gradient, m);
            double step = 0;
            for (int a = 0; a < m; a++)
            {
                theta[a] -= gradient[a];
                step = Math.Max(step, Math.Abs(gradient[a]));
            }

            if (step < 1e-9)
            {
                break;
            }
        }

        return (theta[..d], theta[d]);
    }
}
