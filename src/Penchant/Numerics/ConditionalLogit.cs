namespace Penchant.Numerics;

/// <summary>A choice among options, each described by features, and which option was right.</summary>
/// <param name="Options">The features of each option.</param>
/// <param name="Chosen">The index of the right option.</param>
internal sealed record ChoiceExample(double[][] Options, int Chosen);

/// <summary>
/// A conditional logit (multinomial choice) model: the probability of an option is the softmax of a weighted sum of its
/// features over the options of the choice. Fitted by gradient descent on the mean negative log-likelihood with an L2 penalty
/// that pulls the weights toward a prior (zero unless given).
/// </summary>
internal static class ConditionalLogit
{
    /// <summary>Fits the weights.</summary>
    /// <param name="examples">The choices; every option of every choice has the same number of features.</param>
    /// <param name="l2">The L2 penalty on the weights' distance from the prior.</param>
    /// <param name="iterations">How many full-batch gradient steps to take.</param>
    /// <param name="learningRate">The step size.</param>
    /// <param name="fixedWeights">Per feature, a weight to hold rather than fit (<see langword="null"/> to fit it), or <see langword="null"/> to fit all.</param>
    /// <param name="prior">The weights the penalty pulls toward, and where fitting starts; <see langword="null"/> for zeros.</param>
    /// <returns>One weight per feature.</returns>
    public static double[] Fit(
        IReadOnlyList<ChoiceExample> examples, double l2 = 1e-4, int iterations = 20000, double learningRate = 1.0, IReadOnlyList<double?>? fixedWeights = null, IReadOnlyList<double>? prior = null)
    {
        ArgumentNullException.ThrowIfNull(examples);
        if (examples.Count == 0)
        {
            throw new ArgumentException("Give at least one choice to fit.", nameof(examples));
        }

        int k = examples[0].Options[0].Length;
        foreach (ChoiceExample example in examples)
        {
            if (example.Chosen < 0 || example.Chosen >= example.Options.Length || example.Options.Any(o => o.Length != k))
            {
                throw new ArgumentException($"Every choice needs a chosen option among its options and {k} features per option.", nameof(examples));
            }
        }

        if (fixedWeights is not null && fixedWeights.Count != k)
        {
            throw new ArgumentException($"Give one fixed weight or null per feature ({k}).", nameof(fixedWeights));
        }

        if (prior is not null && prior.Count != k)
        {
            throw new ArgumentException($"Give one prior weight per feature ({k}).", nameof(prior));
        }

        var weights = new double[k];
        for (int j = 0; j < k; j++)
        {
            weights[j] = fixedWeights?[j] ?? prior?[j] ?? 0;
        }

        var gradient = new double[k];

        // A step longer than 1/l2 overshoots the penalty's minimum and diverges.
        double stepSize = Math.Min(learningRate, 1 / l2);
        for (int step = 0; step < iterations; step++)
        {
            for (int j = 0; j < k; j++)
            {
                gradient[j] = l2 * (weights[j] - (prior?[j] ?? 0));
            }

            foreach (ChoiceExample example in examples)
            {
                double[] probabilities = Probabilities(example.Options, weights);
                for (int o = 0; o < example.Options.Length; o++)
                {
                    double residual = probabilities[o] - (o == example.Chosen ? 1 : 0);
                    for (int j = 0; j < k; j++)
                    {
                        gradient[j] += residual * example.Options[o][j] / examples.Count;
                    }
                }
            }

            for (int j = 0; j < k; j++)
            {
                if (fixedWeights?[j] is null)
                {
                    weights[j] -= stepSize * gradient[j];
                }
            }
        }

        return weights;
    }

    /// <summary>The probability of each option under the weights.</summary>
    public static double[] Probabilities(double[][] options, IReadOnlyList<double> weights)
    {
        var scores = new double[options.Length];
        double max = double.NegativeInfinity;
        for (int o = 0; o < options.Length; o++)
        {
            scores[o] = WeightedSum(weights, options[o]);
            max = Math.Max(max, scores[o]);
        }

        double sum = 0;
        for (int o = 0; o < options.Length; o++)
        {
            scores[o] = Math.Exp(scores[o] - max);
            sum += scores[o];
        }

        for (int o = 0; o < options.Length; o++)
        {
            scores[o] /= sum;
        }

        return scores;
    }

    /// <summary>The share of choices whose right option scores highest (ties go to the first option, as in ranking).</summary>
    public static double Accuracy(IReadOnlyList<ChoiceExample> examples, IReadOnlyList<double> weights)
    {
        if (examples.Count == 0)
        {
            return 0;
        }

        int hits = 0;
        foreach (ChoiceExample example in examples)
        {
            int best = 0;
            for (int o = 1; o < example.Options.Length; o++)
            {
                if (WeightedSum(weights, example.Options[o]) > WeightedSum(weights, example.Options[best]))
                {
                    best = o;
                }
            }

            hits += best == example.Chosen ? 1 : 0;
        }

        return (double)hits / examples.Count;
    }

    /// <summary>Gets the weighted sum of an option's features (its utility).</summary>
    private static double WeightedSum(IReadOnlyList<double> weights, double[] features)
    {
        double sum = 0;
        for (int k = 0; k < features.Length; k++)
        {
            sum += weights[k] * features[k];
        }

        return sum;
    }
}
