using System.Buffers;
using System.Numerics.Tensors;
using Penchant.Numerics;

namespace Penchant.Deciding;

/// <summary>
/// The policies: from the regressor and the actions' feature vectors, the probability of choosing each action, and a
/// choice drawn from exactly those probabilities (so the logged propensities are the ones used). Every policy is mixed
/// with the uniform exploration rate ε. Thompson sampling's probabilities are the frequencies of the best action over
/// <see cref="DecidingOptions.PropensitySamples"/> posterior draws; the decision samples from those frequencies, which
/// is the same as acting on one of the draws.
/// </summary>
/// <remarks>Not thread-safe over one regressor (its buffers are shared).</remarks>
internal static class PolicyChooser
{
    /// <summary>What one decision chose.</summary>
    public sealed record Choice(double[] Probabilities, int[] Slate, double[] SlateProbabilities, int Learned, double[] Means);

    /// <summary>Chooses a slate.</summary>
    public static Choice Choose(BayesianLinearRegression model, double[] vectors, int actions, DecisionPolicy policy, DecidingOptions options, double exploration, Random random, int slateSize)
    {
        double[] means = Means(model, vectors, actions);
        double[]? variances = policy == DecisionPolicy.LinUcb ? Variances(model, vectors, actions) : null;
        int learned = ArgMax(means, null);
        double[] first = new double[actions];
        int[] slate = new int[slateSize];
        double[] slateProbabilities = new double[slateSize];

        // The first slot chooses among every action; only a later slot needs to know which are left (and a buffer of its own).
        Probabilities(model, vectors, actions, means, variances, null, policy, options, exploration, random, first);
        slate[0] = Sample(first, random);
        slateProbabilities[0] = first[slate[0]];
        if (slateSize > 1)
        {
            var remaining = new bool[actions];
            Array.Fill(remaining, true);
            remaining[slate[0]] = false;
            double[] p = new double[actions];
            for (int slot = 1; slot < slateSize; slot++)
            {
                Probabilities(model, vectors, actions, means, variances, remaining, policy, options, exploration, random, p);
                int chosen = Sample(p, random);
                slate[slot] = chosen;
                slateProbabilities[slot] = p[chosen];
                remaining[chosen] = false;
            }
        }

        return new Choice(first, slate, slateProbabilities, learned, means);
    }

    /// <summary>Fills the probability of choosing each remaining action (zero for the others).</summary>
    public static void Probabilities(
        BayesianLinearRegression model, double[] vectors, int actions, double[] means, double[]? variances, bool[]? remaining,
        DecisionPolicy policy, DecidingOptions options, double exploration, Random random, double[] p)
    {
        int left = 0;
        for (int a = 0; a < actions; a++)
        {
            if (remaining is null || remaining[a])
            {
                left++;
            }
        }

        Array.Clear(p, 0, actions);
        switch (policy)
        {
            case DecisionPolicy.EpsilonGreedy:
                p[ArgMax(means, remaining)] = 1.0;
                break;
            case DecisionPolicy.LinUcb:
            {
                variances ??= Variances(model, vectors, actions);
                double[] bounds = new double[actions];
                for (int a = 0; a < actions; a++)
                {
                    bounds[a] = means[a] + (options.UcbWidth * Math.Sqrt(Math.Max(0, variances[a])));
                }

                p[ArgMax(bounds, remaining)] = 1.0;
                break;
            }

            case DecisionPolicy.ThompsonSampling:
            {
                // A draw θ̃ = θ + s·u scores action a as θ·x_a + s·u·x_a: the means are the draws' common part. Every draw's
                // u at once (d × S, one triangular solve over all of them), then every action's products with every draw
                // (K × S, summing the draws' rows over the action's non-zero features), then the best action of each draw.
                int d = model.Dimensions;
                int samples = options.PropensitySamples;
                double[] deviations = ArrayPool<double>.Shared.Rent(samples * d);
                double[] products = ArrayPool<double>.Shared.Rent(actions * samples);
                double[] best = ArrayPool<double>.Shared.Rent(samples);
                int[] bestIndex = ArrayPool<int>.Shared.Rent(samples);
                try
                {
                    model.SampleDeviations(random, deviations, samples);
                    MatrixProducts.Multiply(vectors, actions, d, deviations, samples, products);
                    double scale = options.ThompsonScale;
                    bestIndex.AsSpan(0, samples).Fill(-1);
                    for (int a = 0; a < actions; a++)
                    {
                        if (remaining is not null && !remaining[a])
                        {
                            continue;
                        }

                        ReadOnlySpan<double> row = products.AsSpan(a * samples, samples);
                        double mean = means[a];
                        for (int m = 0; m < samples; m++)
                        {
                            // Strictly greater: ties go to the first action, as an argmax over the actions.
                            double score = mean + (scale * row[m]);
                            if (bestIndex[m] < 0 || score > best[m])
                            {
                                best[m] = score;
                                bestIndex[m] = a;
                            }
                        }
                    }

                    for (int m = 0; m < samples; m++)
                    {
                        p[bestIndex[m]] += 1.0 / samples;
                    }
                }
                finally
                {
                    ArrayPool<double>.Shared.Return(deviations);
                    ArrayPool<double>.Shared.Return(products);
                    ArrayPool<double>.Shared.Return(best);
                    ArrayPool<int>.Shared.Return(bestIndex);
                }

                break;
            }

            case DecisionPolicy.InverseGap when remaining is null:
            {
                // Every action is left: the weights come straight from the means, with no gathering.
                double gamma = options.GapScale * Math.Sqrt(left * Math.Max(1.0, model.Count));
                InverseGapWeighting.Probabilities(means.AsSpan(0, actions), gamma, p.AsSpan(0, actions));
                break;
            }

            default:
            {
                int[] index = new int[left];
                double[] predicted = new double[left];
                int j = 0;
                for (int a = 0; a < actions; a++)
                {
                    if (remaining is null || remaining[a])
                    {
                        index[j] = a;
                        predicted[j++] = means[a];
                    }
                }

                double[] q = new double[left];
                double gamma = options.GapScale * Math.Sqrt(left * Math.Max(1.0, model.Count));
                InverseGapWeighting.Probabilities(predicted, gamma, q);
                for (int i = 0; i < left; i++)
                {
                    p[index[i]] = q[i];
                }

                break;
            }
        }

        // Mix in uniform exploration, then renormalize away rounding so the probabilities sum to 1.
        double sum = 0;
        for (int a = 0; a < actions; a++)
        {
            if (remaining is null || remaining[a])
            {
                p[a] = ((1.0 - exploration) * p[a]) + (exploration / left);
                sum += p[a];
            }
        }

        for (int a = 0; a < actions; a++)
        {
            p[a] /= sum;
        }
    }

    public static double[] Means(BayesianLinearRegression model, double[] vectors, int actions)
    {
        int d = model.Dimensions;
        ReadOnlySpan<double> theta = model.Mean();
        double[] means = new double[actions];
        for (int a = 0; a < actions; a++)
        {
            means[a] = Dot(theta, vectors.AsSpan(a * d, d));
        }

        return means;
    }

    public static double[] Variances(BayesianLinearRegression model, double[] vectors, int actions)
    {
        int d = model.Dimensions;
        double[] variances = new double[actions];
        for (int a = 0; a < actions; a++)
        {
            variances[a] = model.Variance(vectors.AsSpan(a * d, d));
        }

        return variances;
    }

    public static int Sample(double[] p, Random random)
    {
        double u = random.NextDouble();
        double cumulative = 0;
        int last = -1;
        for (int a = 0; a < p.Length; a++)
        {
            if (p[a] <= 0)
            {
                continue;
            }

            last = a;
            cumulative += p[a];
            if (u < cumulative)
            {
                return a;
            }
        }

        return last;
    }

    private static int ArgMax(ReadOnlySpan<double> values, bool[]? remaining)
    {
        int best = -1;
        for (int a = 0; a < values.Length; a++)
        {
            if ((remaining is null || remaining[a]) && (best < 0 || values[a] > values[best]))
            {
                best = a;
            }
        }

        return best;
    }

    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b) => TensorPrimitives.Dot(a, b);
}
