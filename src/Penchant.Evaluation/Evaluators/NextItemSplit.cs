using Penchant.Evaluation.Datasets;

namespace Penchant.Evaluation.Evaluators;

/// <summary>
/// One held-out item per user with the choices before it and the negatives it is ranked against. Users with fewer
/// than <see cref="NextItemEvaluator.MinimumChoices"/> choices are left out.
/// </summary>
/// <param name="Histories">Each user's choices before the held-out item, oldest first (the training data).</param>
/// <param name="Targets">Each user's held-out item.</param>
/// <param name="Negatives">Each user's negatives: items the user never chose, drawn by popularity.</param>
/// <param name="ItemCount">The number of items.</param>
public sealed record NextItemSplit(IReadOnlyList<int[]> Histories, IReadOnlyList<int> Targets, IReadOnlyList<int[]> Negatives, int ItemCount)
{
    /// <summary>Holds out the item <paramref name="heldOutFromEnd"/> places from the end of every user's sequence (1 for the last).</summary>
    /// <param name="data">The sequences.</param>
    /// <param name="heldOutFromEnd">1 for the test item, 2 for the validation item.</param>
    /// <param name="negatives">Negatives per user.</param>
    /// <param name="seed">The seed of the negatives.</param>
    /// <returns>The split.</returns>
    /// <exception cref="EvaluationInputException">No user has enough choices, or too few items are left to draw negatives from.</exception>
    public static NextItemSplit Create(InteractionSequences data, int heldOutFromEnd, int negatives, int seed)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfLessThan(heldOutFromEnd, 1);
        int[] counts = new int[data.ItemCount];
        foreach (int[] sequence in data.Sequences)
        {
            foreach (int item in sequence)
            {
                counts[item]++;
            }
        }

        var sampler = new PopularityNegatives(counts, seed);
        var histories = new List<int[]>();
        var targets = new List<int>();
        var drawn = new List<int[]>();
        foreach (int[] sequence in data.Sequences)
        {
            if (sequence.Length < NextItemEvaluator.MinimumChoices)
            {
                continue;
            }

            int target = sequence.Length - heldOutFromEnd;
            histories.Add(sequence[..target]);
            targets.Add(sequence[target]);
            try
            {
                drawn.Add(sampler.Draw(negatives, sequence.ToHashSet()));
            }
            catch (ArgumentException exception)
            {
                throw new EvaluationInputException($"cannot draw {negatives} negatives: {exception.Message}", exception);
            }
        }

        if (histories.Count == 0)
        {
            throw new EvaluationInputException($"no user has {NextItemEvaluator.MinimumChoices} or more choices.");
        }

        return new NextItemSplit(histories, targets, drawn, data.ItemCount);
    }
}
