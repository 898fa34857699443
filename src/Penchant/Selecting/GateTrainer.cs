using Penchant.Numerics;

namespace Penchant.Selecting;

/// <summary>
/// Fits the selection gate from labelled (request, preference, applies) pairs: an L2-regularised logistic regression over
/// the fitted <see cref="GateFeatures"/>, Platt scaling fitted on out-of-fold logits (cases split into folds, a case's pairs
/// kept together), and the threshold that gives the best out-of-fold F1 over pairs. Pairs a veto decides are left out; each
/// pair counts with its <see cref="GateExample.Weight"/> in the regression (not in the calibration or the threshold).
/// </summary>
/// <remarks>Deterministic: the folds follow the case numbers.</remarks>
internal static class GateTrainer
{
    /// <summary>The L2 penalty per pair.</summary>
    public const double DefaultL2 = 1e-3;

    private const int Folds = 5;

    /// <summary>Fits a gate model.</summary>
    /// <param name="examples">The labelled pairs.</param>
    /// <param name="l2">The L2 penalty per pair.</param>
    /// <returns>The model and its out-of-fold calibrated probabilities with their outcomes (for a reliability diagram).</returns>
    /// <exception cref="ArgumentException">There are no pairs left after the vetoes, or they all have the same label.</exception>
    public static GateFit Fit(IReadOnlyList<GateExample> examples, double l2 = DefaultL2)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var kept = examples.Where(static e => !e.Features.IsVetoed).ToList();
        int positives = kept.Count(static e => e.Applies);
        if (positives == 0 || positives == kept.Count)
        {
            throw new ArgumentException("Fitting the gate needs pairs that apply and pairs that do not.", nameof(examples));
        }

        double[][] x = [.. kept.Select(static e => Row(e.Features))];
        double[] y = [.. kept.Select(static e => e.Applies ? 1.0 : 0.0)];
        double[] weights = [.. kept.Select(static e => e.Weight)];

        // Out-of-fold raw logits: each fold scored by a model fitted on the others.
        var outOfFold = new double[kept.Count];
        for (int fold = 0; fold < Folds; fold++)
        {
            var trainX = new List<double[]>();
            var trainY = new List<double>();
            var trainWeights = new List<double>();
            for (int i = 0; i < kept.Count; i++)
            {
                if (FoldOf(kept[i].Group) != fold)
                {
                    trainX.Add(x[i]);
                    trainY.Add(y[i]);
                    trainWeights.Add(weights[i]);
                }
            }

            if (trainY.Count == 0 || trainY.TrueForAll(v => v == trainY[0]))
            {
                continue;
            }

            (double[] w, double b) = LogisticRegression.Fit(trainX, trainY, l2, trainWeights);
            for (int i = 0; i < kept.Count; i++)
            {
                if (FoldOf(kept[i].Group) == fold)
                {
                    outOfFold[i] = b + Dot(w, x[i]);
                }
            }
        }

        (double slope, double intercept) = Calibration.FitPlatt(outOfFold, y);
        double[] calibrated = [.. outOfFold.Select(z => Logistic.Sigmoid((slope * z) + intercept))];
        double threshold = BestThreshold(calibrated, y);
        (double[] fitted, double bias) = LogisticRegression.Fit(x, y, l2, weights);
        var model = new GateModel(fitted, bias, slope, intercept, threshold);
        return new GateFit(model, calibrated, y, positives);
    }

    /// <summary>Finds the threshold on calibrated probabilities with the best F1 over pairs (ties to the higher threshold).</summary>
    /// <param name="probabilities">Calibrated probabilities.</param>
    /// <param name="outcomes">Outcomes, 0 or 1.</param>
    /// <returns>A threshold between 0.05 and 0.95.</returns>
    public static double BestThreshold(IReadOnlyList<double> probabilities, IReadOnlyList<double> outcomes)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(outcomes);
        double best = 0.5, bestF1 = -1;
        for (int step = 5; step <= 95; step++)
        {
            double t = step / 100.0;
            double tp = 0, fp = 0, fn = 0;
            for (int i = 0; i < probabilities.Count; i++)
            {
                bool selected = probabilities[i] >= t;
                tp += selected ? outcomes[i] : 0;
                fp += selected ? 1 - outcomes[i] : 0;
                fn += selected ? 0 : outcomes[i];
            }

            double f1 = tp == 0 ? 0 : 2 * tp / ((2 * tp) + fp + fn);
            if (f1 >= bestF1)
            {
                bestF1 = f1;
                best = t;
            }
        }

        return best;
    }

    private static int FoldOf(int group) => (int)((uint)group * 2654435761u % Folds);

    private static double[] Row(in GateFeatures f)
    {
        var row = new double[GateFeatures.Names.Length];
        f.CopyTo(row);
        return row;
    }

    private static double Dot(double[] w, double[] x)
    {
        double sum = 0;
        for (int i = 0; i < w.Length; i++)
        {
            sum += w[i] * x[i];
        }

        return sum;
    }
}
