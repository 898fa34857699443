namespace Penchant.Evaluation.Evaluators;

/// <summary>
/// Draws negatives for a user in proportion to items' popularity (their number of choices), without replacement and
/// never an item the user chose: the sampling of the BERT4Rec evaluation.
/// </summary>
/// <remarks>Not thread-safe; deterministic for a given seed and order of calls.</remarks>
public sealed class PopularityNegatives
{
    private readonly long[] _cumulative;
    private readonly Random _random;

    /// <summary>Initializes a new instance of the <see cref="PopularityNegatives"/> class.</summary>
    /// <param name="counts">Each item's number of choices; at least one must be positive.</param>
    /// <param name="seed">The seed.</param>
    public PopularityNegatives(IReadOnlyList<int> counts, int seed)
    {
        ArgumentNullException.ThrowIfNull(counts);
        _cumulative = new long[counts.Count];
        long total = 0;
        for (int i = 0; i < counts.Count; i++)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(counts[i], nameof(counts));
            total += counts[i];
            _cumulative[i] = total;
        }

        ArgumentOutOfRangeException.ThrowIfZero(total, nameof(counts));
        _random = new Random(seed);
    }

    /// <summary>Draws <paramref name="count"/> distinct items, none of them in <paramref name="excluded"/>.</summary>
    /// <param name="count">How many.</param>
    /// <param name="excluded">The user's items.</param>
    /// <returns>The items, in the order drawn.</returns>
    /// <exception cref="ArgumentException">Fewer than <paramref name="count"/> items with choices are left once the excluded ones are removed.</exception>
    public int[] Draw(int count, IReadOnlySet<int> excluded)
    {
        ArgumentNullException.ThrowIfNull(excluded);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        int available = 0;
        for (int i = 0; i < _cumulative.Length && available < count; i++)
        {
            if (Weight(i) > 0 && !excluded.Contains(i))
            {
                available++;
            }
        }

        if (available < count)
        {
            throw new ArgumentException($"Only {available} items are left to draw {count} negatives from.", nameof(count));
        }

        var drawn = new HashSet<int>();
        int[] items = new int[count];
        int n = 0;
        while (n < count)
        {
            long ticket = _random.NextInt64(_cumulative[^1]);
            int item = FirstAbove(ticket);
            if (!excluded.Contains(item) && drawn.Add(item))
            {
                items[n++] = item;
            }
        }

        return items;
    }

    /// <summary>The first item whose cumulative count exceeds the ticket: the item that owns it (items without choices own none).</summary>
    private int FirstAbove(long ticket)
    {
        int low = 0;
        int high = _cumulative.Length - 1;
        while (low < high)
        {
            int middle = low + ((high - low) / 2);
            if (_cumulative[middle] > ticket)
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        return low;
    }

    private long Weight(int item) => _cumulative[item] - (item == 0 ? 0 : _cumulative[item - 1]);
}
