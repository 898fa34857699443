using System.Globalization;
using Penchant.Domain;
using Penchant.Learning.Principles;

namespace Penchant.Evaluation.Evaluators;

/// <summary>
/// The ICAI reconstruction: principles distilled from the train half of a synthetic set's labelled pairs (even rows),
/// then the held-out half's labels (odd rows) predicted from the principles alone. A pair no principle decides counts half.
/// </summary>
public static class PrinciplesEvaluator
{
    /// <summary>Runs one set.</summary>
    /// <param name="pairs">The labelled pairs in file order.</param>
    /// <returns>The principles, the held-out pairs, and the agreement with their labels.</returns>
    public static (IReadOnlyList<Principle> Principles, int Tested, double Agreement) Run(IReadOnlyList<(string Instruction, string A, string B, bool AIsPreferred)> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var train = new List<JudgedPair>();
        var test = new List<(string A, string B, bool AIsPreferred)>();
        for (int i = 0; i < pairs.Count; i++)
        {
            (_, string a, string b, bool aWins) = pairs[i];
            if (i % 2 == 0)
            {
                train.Add(new JudgedPair("row" + i.ToString(CultureInfo.InvariantCulture), aWins ? a : b, aWins ? b : a));
            }
            else
            {
                test.Add((a, b, aWins));
            }
        }

        IReadOnlyList<Principle> principles = PrincipleMiner.Mine(train);
        double agree = 0;
        foreach ((string a, string b, bool aWins) in test)
        {
            double score = PrincipleMiner.Predict(principles, a, b);
            agree += score == 0 ? 0.5 : (score > 0) == aWins ? 1 : 0;
        }

        return (principles, test.Count, test.Count == 0 ? 0 : agree / test.Count);
    }

    /// <summary>The summary line of a set.</summary>
    /// <param name="set">The set.</param>
    /// <param name="tested">The held-out pairs.</param>
    /// <param name="agreement">The agreement.</param>
    /// <param name="principles">The number of principles.</param>
    /// <returns><c>principles: set= n= agreement= principles=</c>.</returns>
    public static string Summary(string set, int tested, double agreement, int principles)
        => string.Create(CultureInfo.InvariantCulture, $"principles: set={set} n={tested} agreement={agreement:0.000} principles={principles}");
}
