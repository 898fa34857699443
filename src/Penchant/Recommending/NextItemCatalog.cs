using System.Buffers.Binary;
using System.Text;

namespace Penchant.Recommending;

/// <summary>
/// A tenant's trained next-item model with its items: the identifiers the application's choices named (the catalog it
/// recommends from), their keys, and the <see cref="NextItemModel"/> over their dense numbers.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
internal sealed class NextItemCatalog
{
    private const int FormatVersion = 1;
    private readonly Dictionary<ulong, int> _numbers;

    /// <summary>Initializes a new instance of the <see cref="NextItemCatalog"/> class.</summary>
    /// <param name="items">The item identifiers, by number.</param>
    /// <param name="model">The model over the items' numbers.</param>
    public NextItemCatalog(IReadOnlyList<string> items, NextItemModel model)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(model);
        if (items.Count != model.ItemCount)
        {
            throw new ArgumentException("The model is not over these items.", nameof(model));
        }

        Items = items;
        Model = model;
        _numbers = new Dictionary<ulong, int>(items.Count);
        for (int i = 0; i < items.Count; i++)
        {
            _numbers.TryAdd(ItemKey.Of(items[i]), i);
        }
    }

    /// <summary>Gets the item identifiers, by number.</summary>
    public IReadOnlyList<string> Items { get; }

    /// <summary>Gets the model.</summary>
    public NextItemModel Model { get; }

    /// <summary>Recommends the items most likely to be chosen next after a history, leaving out the history's own items.</summary>
    /// <param name="history">The user's chosen items' keys, oldest first.</param>
    /// <param name="count">How many items to return at most.</param>
    /// <returns>The items, best first; none for an empty catalog.</returns>
    public IReadOnlyList<NextItem> Recommend(IReadOnlyList<ulong> history, int count)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var numbers = new List<int>(history.Count);
        foreach (ulong key in history)
        {
            if (_numbers.TryGetValue(key, out int number))
            {
                numbers.Add(number);
            }
        }

        float[] scores = new float[Model.ItemCount];
        Model.Score(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(numbers), scores);
        foreach (int seen in numbers)
        {
            scores[seen] = float.NegativeInfinity;
        }

        var best = new PriorityQueue<int, (float Score, int Negated)>(count + 1);
        for (int i = 0; i < scores.Length; i++)
        {
            if (float.IsNegativeInfinity(scores[i]))
            {
                continue;
            }

            best.Enqueue(i, (scores[i], -i));
            if (best.Count > count)
            {
                best.Dequeue();
            }
        }

        var result = new NextItem[best.Count];
        for (int r = result.Length - 1; best.TryDequeue(out int item, out var priority); r--)
        {
            result[r] = new NextItem(Items[item], priority.Score);
        }

        return result;
    }

    /// <summary>Serializes the catalog and its model.</summary>
    /// <returns>The bytes.</returns>
    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        Span<byte> header = stackalloc byte[8];
        BinaryPrimitives.WriteInt32LittleEndian(header, FormatVersion);
        BinaryPrimitives.WriteInt32LittleEndian(header[4..], Items.Count);
        stream.Write(header);
        Span<byte> length = stackalloc byte[4];
        foreach (string item in Items)
        {
            byte[] utf8 = Encoding.UTF8.GetBytes(item);
            BinaryPrimitives.WriteInt32LittleEndian(length, utf8.Length);
            stream.Write(length);
            stream.Write(utf8);
        }

        stream.Write(Model.ToBytes());
        return stream.ToArray();
    }

    /// <summary>Reads a catalog written by <see cref="ToBytes"/>.</summary>
    /// <param name="bytes">The bytes.</param>
    /// <returns>The catalog.</returns>
    /// <exception cref="FormatException">The bytes are not a catalog of this format.</exception>
    public static NextItemCatalog FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 8 || BinaryPrimitives.ReadInt32LittleEndian(bytes) != FormatVersion)
        {
            throw new FormatException("Not a next-item catalog.");
        }

        int count = BinaryPrimitives.ReadInt32LittleEndian(bytes[4..]);
        if (count < 0)
        {
            throw new FormatException("A next-item catalog with a negative count.");
        }

        int at = 8;
        string[] items = new string[count];
        for (int i = 0; i < count; i++)
        {
            if (at + 4 > bytes.Length)
            {
                throw new FormatException("A truncated next-item catalog.");
            }

            int size = BinaryPrimitives.ReadInt32LittleEndian(bytes[at..]);
            at += 4;
            if (size < 0 || at + size > bytes.Length)
            {
                throw new FormatException("A truncated next-item catalog.");
            }

            items[i] = Encoding.UTF8.GetString(bytes.Slice(at, size));
            at += size;
        }

        return new NextItemCatalog(items, NextItemModel.FromBytes(bytes[at..]));
    }
}
