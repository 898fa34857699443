namespace Penchant.Evaluation.Metrics;

/// <summary>Scores a classifier: accuracy, per-class precision, recall and F1, and their unweighted mean (macro F1).</summary>
public static class Classification
{
    /// <summary>Scores predictions against the true labels.</summary>
    /// <typeparam name="TLabel">The label type.</typeparam>
    /// <param name="cases">Each case's true and predicted label.</param>
    /// <param name="labels">The classes to report, in order; a class no case has still counts in the macro F1 (with F1 0).</param>
    /// <param name="name">Names a label.</param>
    /// <returns>Accuracy (0 for no cases), macro F1 over <paramref name="labels"/> (0 for no labels), and one entry per label.</returns>
    public static (double Accuracy, double MacroF1, IReadOnlyList<ClassMetrics> Classes) Score<TLabel>(
        IReadOnlyList<(TLabel Expected, TLabel Predicted)> cases, IReadOnlyList<TLabel> labels, Func<TLabel, string> name)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(name);
        EqualityComparer<TLabel> equal = EqualityComparer<TLabel>.Default;
        var classes = new List<ClassMetrics>(labels.Count);
        foreach (TLabel label in labels)
        {
            int support = 0, predicted = 0, correct = 0;
            foreach ((TLabel expected, TLabel prediction) in cases)
            {
                support += equal.Equals(expected, label) ? 1 : 0;
                predicted += equal.Equals(prediction, label) ? 1 : 0;
                correct += equal.Equals(expected, label) && equal.Equals(prediction, label) ? 1 : 0;
            }

            classes.Add(new ClassMetrics(name(label), support, predicted, correct));
        }

        int right = 0;
        foreach ((TLabel expected, TLabel prediction) in cases)
        {
            right += equal.Equals(expected, prediction) ? 1 : 0;
        }

        double macroF1 = classes.Count == 0 ? 0 : classes.Average(static c => c.F1);
        return (Rate.Of(right, cases.Count), macroF1, classes);
    }
}
