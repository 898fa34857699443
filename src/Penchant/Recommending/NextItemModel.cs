using System.Buffers.Binary;

namespace Penchant.Recommending;

/// <summary>
/// A tenant's next-item model: for every item, the items that tend to follow it (and, less, precede it) in users'
/// sequences of choices, with normalised weights. A history is scored by summing the rows of its items, the latest
/// counting most.
/// </summary>
/// <remarks>Immutable and thread-safe once built. Items are dense integers <c>0 … ItemCount − 1</c>.</remarks>
internal sealed class NextItemModel
{
    private const int FormatVersion = 1;
    private const int Header = 36;
    private readonly int[] _offsets;
    private readonly int[] _neighbors;
    private readonly float[] _weights;
    private readonly float[] _prior;

    /// <summary>Initializes a new instance of the <see cref="NextItemModel"/> class from compressed rows.</summary>
    /// <param name="offsets">Where each item's row starts in <paramref name="neighbors"/>; <c>ItemCount + 1</c> values.</param>
    /// <param name="neighbors">The related items, row after row.</param>
    /// <param name="weights">Their weights.</param>
    /// <param name="prior">A small per-item score that orders items no history reaches (their share of choices).</param>
    /// <param name="historyDecay">How much each earlier choice of a history counts, relative to the one after it.</param>
    /// <param name="historyLength">How many of the latest choices are read.</param>
    /// <param name="hopWeight">How much an item reached in two steps counts, relative to one reached in one.</param>
    /// <param name="hopSeeds">How many of the best items reached in one step are followed a second step.</param>
    public NextItemModel(int[] offsets, int[] neighbors, float[] weights, float[] prior, double historyDecay, int historyLength, double hopWeight, int hopSeeds)
    {
        ArgumentNullException.ThrowIfNull(offsets);
        ArgumentNullException.ThrowIfNull(neighbors);
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(prior);
        if (offsets.Length != prior.Length + 1 || neighbors.Length != weights.Length || offsets[^1] != neighbors.Length)
        {
            throw new ArgumentException("The rows do not fit the items.", nameof(offsets));
        }

        _offsets = offsets;
        _neighbors = neighbors;
        _weights = weights;
        _prior = prior;
        HistoryDecay = historyDecay;
        HistoryLength = historyLength;
        HopWeight = hopWeight;
        HopSeeds = hopSeeds;
    }

    /// <summary>Gets the number of items.</summary>
    public int ItemCount => _prior.Length;

    /// <summary>Gets how much each earlier choice of a history counts, relative to the one after it.</summary>
    public double HistoryDecay { get; }

    /// <summary>Gets how many of the latest choices are read.</summary>
    public int HistoryLength { get; }

    /// <summary>Gets how much an item reached in two steps counts, relative to one reached in one.</summary>
    public double HopWeight { get; }

    /// <summary>Gets how many of the best items reached in one step are followed a second step.</summary>
    public int HopSeeds { get; }

    /// <summary>Gets the number of links kept over all items.</summary>
    public int LinkCount => _neighbors.Length;

    /// <summary>Gets the items related to one item and their weights.</summary>
    /// <param name="item">The item.</param>
    /// <returns>The related items and weights.</returns>
    public (ReadOnlyMemory<int> Items, ReadOnlyMemory<float> Weights) Row(int item)
    {
        int start = _offsets[item];
        int length = _offsets[item + 1] - start;
        return (_neighbors.AsMemory(start, length), _weights.AsMemory(start, length));
    }

    /// <summary>Scores every item as the next choice after a history, into a buffer of <see cref="ItemCount"/> values.</summary>
    /// <param name="history">The user's choices, oldest first; items outside the model are skipped.</param>
    /// <param name="scores">Receives the scores; overwritten.</param>
    public void Score(ReadOnlySpan<int> history, Span<float> scores)
    {
        if (scores.Length != ItemCount)
        {
            throw new ArgumentException($"The buffer must hold {ItemCount} scores.", nameof(scores));
        }

        _prior.CopyTo(scores);
        float weight = 1f;
        int read = 0;
        for (int t = history.Length - 1; t >= 0 && read < HistoryLength; t--)
        {
            int item = history[t];
            if ((uint)item >= (uint)ItemCount)
            {
                continue;
            }

            for (int k = _offsets[item]; k < _offsets[item + 1]; k++)
            {
                scores[_neighbors[k]] += weight * _weights[k];
            }

            weight *= (float)HistoryDecay;
            read++;
        }

        if (HopSeeds <= 0 || HopWeight <= 0)
        {
            return;
        }

        // The second step: follow the rows of the best items the first one reached (not the history's own items).
        var seeds = new PriorityQueue<int, float>(HopSeeds + 1);
        var seen = new HashSet<int>();
        read = 0;
        for (int t = history.Length - 1; t >= 0 && read < HistoryLength; t--)
        {
            int item = history[t];
            if ((uint)item >= (uint)ItemCount)
            {
                continue;
            }

            read++;
            for (int k = _offsets[item]; k < _offsets[item + 1]; k++)
            {
                int reached = _neighbors[k];
                if (seen.Add(reached))
                {
                    seeds.Enqueue(reached, scores[reached]);
                    if (seeds.Count > HopSeeds)
                    {
                        seeds.Dequeue();
                    }
                }
            }
        }

        Span<(int Item, float Score)> firsts = seeds.Count <= 256 ? stackalloc (int, float)[seeds.Count] : new (int, float)[seeds.Count];
        for (int i = 0; seeds.TryDequeue(out int seed, out float score); i++)
        {
            firsts[i] = (seed, score);
        }

        foreach ((int seed, float score) in firsts)
        {
            float w = (float)HopWeight * score;
            for (int k = _offsets[seed]; k < _offsets[seed + 1]; k++)
            {
                scores[_neighbors[k]] += w * _weights[k];
            }
        }
    }

    /// <summary>Serializes the model.</summary>
    /// <returns>The bytes.</returns>
    public byte[] ToBytes()
    {
        int size = (4 * 5) + (8 * 2) + (4 * _offsets.Length) + (4 * _neighbors.Length) + (4 * _weights.Length) + (4 * _prior.Length);
        byte[] bytes = new byte[size];
        Span<byte> span = bytes;
        BinaryPrimitives.WriteInt32LittleEndian(span, FormatVersion);
        BinaryPrimitives.WriteInt32LittleEndian(span[4..], ItemCount);
        BinaryPrimitives.WriteInt32LittleEndian(span[8..], _neighbors.Length);
        BinaryPrimitives.WriteInt32LittleEndian(span[12..], HistoryLength);
        BinaryPrimitives.WriteInt32LittleEndian(span[16..], HopSeeds);
        BinaryPrimitives.WriteDoubleLittleEndian(span[20..], HistoryDecay);
        BinaryPrimitives.WriteDoubleLittleEndian(span[28..], HopWeight);
        int at = Header;
        foreach (int v in _offsets)
        {
            BinaryPrimitives.WriteInt32LittleEndian(span[at..], v);
            at += 4;
        }

        foreach (int v in _neighbors)
        {
            BinaryPrimitives.WriteInt32LittleEndian(span[at..], v);
            at += 4;
        }

        foreach (float v in _weights)
        {
            BinaryPrimitives.WriteSingleLittleEndian(span[at..], v);
            at += 4;
        }

        foreach (float v in _prior)
        {
            BinaryPrimitives.WriteSingleLittleEndian(span[at..], v);
            at += 4;
        }

        return bytes;
    }

    /// <summary>Reads a model written by <see cref="ToBytes"/>.</summary>
    /// <param name="bytes">The bytes.</param>
    /// <returns>The model.</returns>
    /// <exception cref="FormatException">The bytes are not a model of this format.</exception>
    public static NextItemModel FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < Header || BinaryPrimitives.ReadInt32LittleEndian(bytes) != FormatVersion)
        {
            throw new FormatException("Not a next-item model.");
        }

        int items = BinaryPrimitives.ReadInt32LittleEndian(bytes[4..]);
        int links = BinaryPrimitives.ReadInt32LittleEndian(bytes[8..]);
        int historyLength = BinaryPrimitives.ReadInt32LittleEndian(bytes[12..]);
        int hopSeeds = BinaryPrimitives.ReadInt32LittleEndian(bytes[16..]);
        double historyDecay = BinaryPrimitives.ReadDoubleLittleEndian(bytes[20..]);
        double hopWeight = BinaryPrimitives.ReadDoubleLittleEndian(bytes[28..]);
        if (items < 0 || links < 0 || bytes.Length != Header + (4L * (items + 1)) + (8L * links) + (4L * items))
        {
            throw new FormatException("A next-item model of the wrong length.");
        }

        int at = Header;
        int[] offsets = new int[items + 1];
        for (int i = 0; i < offsets.Length; i++, at += 4)
        {
            offsets[i] = BinaryPrimitives.ReadInt32LittleEndian(bytes[at..]);
        }

        int[] neighbors = new int[links];
        for (int i = 0; i < links; i++, at += 4)
        {
            neighbors[i] = BinaryPrimitives.ReadInt32LittleEndian(bytes[at..]);
        }

        float[] weights = new float[links];
        for (int i = 0; i < links; i++, at += 4)
        {
            weights[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes[at..]);
        }

        float[] prior = new float[items];
        for (int i = 0; i < items; i++, at += 4)
        {
            prior[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes[at..]);
        }

        for (int i = 0; i < items; i++)
        {
            if (offsets[i] < 0 || offsets[i] > offsets[i + 1])
            {
                throw new FormatException("A next-item model with malformed rows.");
            }
        }

        if (offsets[0] != 0 || offsets[items] != links || neighbors.Any(n => (uint)n >= (uint)items))
        {
            throw new FormatException("A next-item model with malformed rows.");
        }

        return new NextItemModel(offsets, neighbors, weights, prior, historyDecay, historyLength, hopWeight, hopSeeds);
    }
}
