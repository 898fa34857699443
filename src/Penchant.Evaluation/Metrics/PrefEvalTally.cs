namespace Penchant.Evaluation.Metrics;

/// <summary>Micro-averaged PrefEval counts: hit@1 and hit@5 rates per item, and precision over every selected preference.</summary>
/// <remarks>Not thread-safe: add items from one thread.</remarks>
public sealed class PrefEvalTally
{
    /// <summary>Gets the number of items.</summary>
    public int Items { get; private set; }

    /// <summary>Gets the number of items whose most probable selection is the preference.</summary>
    public int Hit1 { get; private set; }

    /// <summary>Gets the number of items with the preference among the five most probable selections.</summary>
    public int Hit5 { get; private set; }

    /// <summary>Gets the number of selected preferences over all items.</summary>
    public int Selected { get; private set; }

    /// <summary>Gets the number of selected preferences that are hits.</summary>
    public int Hits { get; private set; }

    /// <summary>Gets the share of items with a hit at 1; 0 for no items.</summary>
    public double Hit1Rate => Rate.Of(Hit1, Items);

    /// <summary>Gets the share of items with a hit in the top 5; 0 for no items.</summary>
    public double Hit5Rate => Rate.Of(Hit5, Items);

    /// <summary>Gets hits / selected over all items (0 when nothing was selected).</summary>
    public double Precision => Rate.Of(Hits, Selected);

    /// <summary>Gets the mean number of selected preferences per item; 0 for no items.</summary>
    public double MeanSelected => Rate.Of(Selected, Items);

    /// <summary>Adds one item.</summary>
    /// <param name="selected">How many preferences were selected.</param>
    /// <param name="hits">How many of them are hits.</param>
    /// <param name="hit1">Whether the first is a hit.</param>
    /// <param name="hit5">Whether one of the first five is.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="hits"/> is negative or exceeds <paramref name="selected"/>.</exception>
    public void Add(int selected, int hits, bool hit1, bool hit5)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(hits);
        ArgumentOutOfRangeException.ThrowIfLessThan(selected, hits);
        Items++;
        Hit1 += hit1 ? 1 : 0;
        Hit5 += hit5 ? 1 : 0;
        Selected += selected;
        Hits += hits;
    }
}
