namespace Penchant.Recommending;

/// <summary>The settings of the next-item model: how choices close in a sequence count as related, and how a history is read.</summary>
/// <remarks>The defaults were tuned on the validation item of a public purchase-sequence set (eval/README.md), never its test item.</remarks>
public sealed record NextItemOptions
{
    /// <summary>Gets how many later choices after one choice count as following it.</summary>
    public int Window { get; init; } = 8;

    /// <summary>Gets how much a following choice counts for each further step away (1 for the next choice, this much for the one after, and so on).</summary>
    public double StepDecay { get; init; } = 0.8;

    /// <summary>Gets how much a choice counts towards the ones that came before it, relative to those after it.</summary>
    public double BackwardWeight { get; init; } = 0.5;

    /// <summary>
    /// Gets the exponent that splits the normalisation of a link between its two items: a link <c>i → j</c> is divided by
    /// <c>count(i)^α · count(j)^(1 − α)</c> (0.5 is the cosine).
    /// </summary>
    public double Alpha { get; init; } = 0.3;

    /// <summary>Gets a count added to every item's before normalising, so a rare item's one link does not dominate.</summary>
    public double Shrinkage { get; init; } = 2;

    /// <summary>Gets how many related items each item keeps.</summary>
    public int Neighbors { get; init; } = 200;

    /// <summary>Gets how much each earlier choice of the history counts, relative to the one after it.</summary>
    public double HistoryDecay { get; init; } = 0.7;

    /// <summary>Gets how many of a user's latest choices are read.</summary>
    public int HistoryLength { get; init; } = 20;

    /// <summary>Gets how much an item reached in two steps (an item related to an item related to the history) counts, relative to one step.</summary>
    public double HopWeight { get; init; } = 3;

    /// <summary>Gets how many of the best items reached in one step are followed a second step (0: none).</summary>
    public int HopSeeds { get; init; } = 200;

    /// <summary>Checks that every setting is in its range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of its range; the message names it.</exception>
    public void Validate()
    {
        Check(Window >= 1, nameof(Window), "at least 1");
        Check(StepDecay is > 0 and <= 1, nameof(StepDecay), "in (0, 1]");
        Check(BackwardWeight is >= 0 and <= 1, nameof(BackwardWeight), "in [0, 1]");
        Check(Alpha is >= 0 and <= 1, nameof(Alpha), "in [0, 1]");
        Check(Shrinkage is >= 0 and < double.PositiveInfinity, nameof(Shrinkage), "0 or more");
        Check(Neighbors >= 1, nameof(Neighbors), "at least 1");
        Check(HistoryDecay is > 0 and <= 1, nameof(HistoryDecay), "in (0, 1]");
        Check(HistoryLength >= 1, nameof(HistoryLength), "at least 1");
        Check(HopWeight is >= 0 and < double.PositiveInfinity, nameof(HopWeight), "0 or more");
        Check(HopSeeds >= 0, nameof(HopSeeds), "0 or more");
    }

    private static void Check(bool valid, string name, string range)
    {
        if (!valid)
        {
            throw new ArgumentOutOfRangeException(name, $"The next-item setting {name} must be {range}.");
        }
    }
}
