using System.Diagnostics;
using Penchant.Evaluation.Datasets;
using Penchant.Evaluation.Metrics;
using Penchant.Recommending;

namespace Penchant.Evaluation.Evaluators;

/// <summary>
/// Leave-one-out next-item evaluation: each user's last choice is the test item and the one before it the validation
/// item; the held-out item is ranked against negatives drawn by popularity among the items the user never chose, and
/// the model is built only from choices before it. Settings are tuned on the validation item; the test item is reported.
/// </summary>
public static class NextItemEvaluator
{
    /// <summary>Users need this many choices: a training one, the validation item and the test item.</summary>
    public const int MinimumChoices = 3;

    /// <summary>Builds the model and the most-popular baseline on both held-out items and scores them.</summary>
    /// <param name="data">The sequences.</param>
    /// <param name="options">The model settings.</param>
    /// <param name="negatives">Negatives per held-out item (100 in the published protocol).</param>
    /// <param name="seed">The seed of the negatives.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The report.</returns>
    /// <exception cref="EvaluationInputException">No user has enough choices, or too few items are left to draw negatives from.</exception>
    public static NextItemReport Run(InteractionSequences data, NextItemOptions options, int negatives, int seed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(negatives, 1);
        NextItemSplit validation = NextItemSplit.Create(data, heldOutFromEnd: 2, negatives, seed);
        NextItemSplit test = NextItemSplit.Create(data, heldOutFromEnd: 1, negatives, seed + 1);

        NextItemScores validationScores = Score(Train(validation, options, cancellationToken).Model, validation, cancellationToken);
        (NextItemModel model, double seconds) = Train(test, options, cancellationToken);
        NextItemScores testScores = Score(model, test, cancellationToken);
        return new NextItemReport(
            data.ItemCount,
            data.Actions,
            options,
            validationScores,
            testScores,
            ScorePopular(validation),
            ScorePopular(test),
            seconds,
            model.LinkCount);
    }

    /// <summary>Scores the model on the validation item only, for tuning settings without seeing the test item.</summary>
    /// <param name="validation">The validation split (<see cref="NextItemSplit.Create"/> with 2 held out from the end).</param>
    /// <param name="options">The settings.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The scores.</returns>
    public static NextItemScores Validate(NextItemSplit validation, NextItemOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(validation);
        return Score(Train(validation, options, cancellationToken).Model, validation, cancellationToken);
    }

    private static (NextItemModel Model, double Seconds) Train(NextItemSplit split, NextItemOptions options, CancellationToken cancellationToken)
    {
        long started = Stopwatch.GetTimestamp();
        NextItemModel model = NextItemTrainer.Train(split.Histories, split.ItemCount, options, cancellationToken);
        return (model, Stopwatch.GetElapsedTime(started).TotalSeconds);
    }

    private static NextItemScores Score(NextItemModel model, NextItemSplit split, CancellationToken cancellationToken)
    {
        int users = split.Histories.Count;
        int[] ranks = new int[users];
        Parallel.For(
            0,
            users,
            new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = 2 },
            () => (Scores: new float[model.ItemCount], Negatives: new double[split.Negatives[0].Length]),
            (u, _, buffers) =>
            {
                model.Score(split.Histories[u], buffers.Scores);
                int[] drawn = split.Negatives[u];
                for (int n = 0; n < drawn.Length; n++)
                {
                    buffers.Negatives[n] = buffers.Scores[drawn[n]];
                }

                ranks[u] = SampledRank.Rank(buffers.Scores[split.Targets[u]], buffers.Negatives);
                return buffers;
            },
            static _ => { });
        var tally = new NextItemTally();
        foreach (int rank in ranks)
        {
            tally.Add(rank);
        }

        return NextItemScores.From(tally);
    }

    private static NextItemScores ScorePopular(NextItemSplit split)
    {
        int[] counts = new int[split.ItemCount];
        foreach (int[] history in split.Histories)
        {
            foreach (int item in history)
            {
                counts[item]++;
            }
        }

        var tally = new NextItemTally();
        double[] scores = new double[split.Negatives[0].Length];
        for (int u = 0; u < split.Histories.Count; u++)
        {
            for (int n = 0; n < scores.Length; n++)
            {
                scores[n] = counts[split.Negatives[u][n]];
            }

            tally.Add(SampledRank.Rank(counts[split.Targets[u]], scores));
        }

        return NextItemScores.From(tally);
    }
}
