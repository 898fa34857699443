using System.Buffers.Binary;
using System.Numerics.Tensors;
using System.Text;
using Penchant.Domain;

namespace Penchant.Learning.Edits;

/// <summary>
/// A user's evidence from edits, each tied to the embedding of its context, and the retrieve-and-aggregate step of CIPHER
/// (Gao et al., 2024) with measured style features in place of a language model: for a new context, the nearest past
/// contexts' asserted styles, weighted by similarity, become style preferences.
/// </summary>
/// <remarks>Not thread-safe while learning; <see cref="Infer"/> only reads. Keeps the newest <see cref="MaxEvidence"/> edits.</remarks>
internal sealed class EditMemory
{
    /// <summary>The name of the user's model part that holds the memory.</summary>
    public const string ModelName = "edits";

    /// <summary>The most edits kept; the oldest go first.</summary>
    public const int MaxEvidence = 1000;

    /// <summary>How many nearest contexts are aggregated (CIPHER's k).</summary>
    public const int Neighbours = 5;

    /// <summary>Contexts less similar than this (cosine) to the request are not neighbours: edits about other things say nothing here.</summary>
    public const float SimilarityFloor = 0.3f;

    /// <summary>
    /// The share of the neighbours' weight that must assert a feature for it to become a preference. A neighbour that does
    /// not assert a feature has no evidence about it (it does not vote against it; a neighbour that wants the opposite asserts
    /// the opposite level, and the levels are averaged).
    /// </summary>
    public const double AssertedShare = 0.3;

    private const byte FormatVersion = 1;

    private readonly List<EditEvidence> _items;

    /// <summary>Initializes a new, empty instance of the <see cref="EditMemory"/> class.</summary>
    public EditMemory() => _items = [];

    private EditMemory(List<EditEvidence> items) => _items = items;

    /// <summary>Gets the evidence, oldest first.</summary>
    public IReadOnlyList<EditEvidence> Items => _items;

    /// <summary>Reads a memory written by <see cref="ToBytes"/>; a payload of another format is an empty memory.</summary>
    public static EditMemory FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 9 || bytes[0] != FormatVersion)
        {
            return new EditMemory();
        }

        int count = BinaryPrimitives.ReadInt32LittleEndian(bytes[1..]);
        int dimensions = BinaryPrimitives.ReadInt32LittleEndian(bytes[5..]);
        int at = 9;
        var items = new List<EditEvidence>(count);
        for (int i = 0; i < count; i++)
        {
            int idLength = BinaryPrimitives.ReadUInt16LittleEndian(bytes[at..]);
            at += 2;
            string id = Encoding.UTF8.GetString(bytes.Slice(at, idLength));
            at += idLength;
            int asserted = BinaryPrimitives.ReadInt32LittleEndian(bytes[at..]);
            int changed = BinaryPrimitives.ReadInt32LittleEndian(bytes[(at + 4)..]);
            at += 8;
            float[] context = ReadFloats(bytes, ref at, dimensions);
            float[] levels = ReadFloats(bytes, ref at, StyleFeatures.Count);
            float[] changes = ReadFloats(bytes, ref at, StyleFeatures.Count);
            items.Add(new EditEvidence(id, context, levels, changes, asserted, changed));
        }

        return new EditMemory(items);
    }

    /// <summary>Writes the memory: little-endian, the context embeddings as float32.</summary>
    public byte[] ToBytes()
    {
        int dimensions = _items.Count == 0 ? 0 : _items[0].Context.Length;
        int size = 9;
        foreach (EditEvidence e in _items)
        {
            size += 2 + Encoding.UTF8.GetByteCount(e.EventId) + 8 + (4 * (dimensions + (2 * StyleFeatures.Count)));
        }

        var bytes = new byte[size];
        Span<byte> span = bytes;
        span[0] = FormatVersion;
        BinaryPrimitives.WriteInt32LittleEndian(span[1..], _items.Count);
        BinaryPrimitives.WriteInt32LittleEndian(span[5..], dimensions);
        int at = 9;
        foreach (EditEvidence e in _items)
        {
            int idLength = Encoding.UTF8.GetBytes(e.EventId, span[(at + 2)..]);
            BinaryPrimitives.WriteUInt16LittleEndian(span[at..], (ushort)idLength);
            at += 2 + idLength;
            BinaryPrimitives.WriteInt32LittleEndian(span[at..], e.Asserted);
            BinaryPrimitives.WriteInt32LittleEndian(span[(at + 4)..], e.Changed);
            at += 8;
            WriteFloats(span, ref at, e.Context);
            WriteFloats(span, ref at, e.Levels);
            WriteFloats(span, ref at, e.Changes);
        }

        return bytes;
    }

    /// <summary>
    /// Learns from one edit: measures the output and the edit, asserts the features the edit changed and those the nearest
    /// earlier contexts preferred that the edit left alone (the user accepted the level the output had), and keeps the
    /// evidence with its context.
    /// </summary>
    /// <param name="eventId">The edit event.</param>
    /// <param name="context">The embedding of the edit's context.</param>
    /// <param name="output">The output.</param>
    /// <param name="edited">The user's edit of it.</param>
    /// <returns>The evidence kept.</returns>
    public EditEvidence Learn(string eventId, ReadOnlySpan<float> context, string output, string edited)
    {
        Span<float> before = stackalloc float[StyleFeatures.Count];
        StyleFeatures.Measure(output, before);
        float[] levels = StyleFeatures.Measure(edited);
        var changes = new float[StyleFeatures.Count];
        int changed = 0;
        for (int f = 0; f < StyleFeatures.Count; f++)
        {
            changes[f] = StyleFeatures.Change((StyleFeature)f, before[f], levels[f]);
            if (StyleFeatures.IsChange((StyleFeature)f, changes[f]))
            {
                changed |= 1 << f;
            }
        }

        int asserted = changed;
        foreach (StylePreference prior in Infer(context))
        {
            int f = (int)prior.Feature;
            if ((changed & (1 << f)) == 0)
            {
                asserted |= 1 << f;
            }
        }

        var evidence = new EditEvidence(eventId, context.ToArray(), levels, changes, asserted, changed);
        if (_items.Count > 0 && _items[0].Context.Length != evidence.Context.Length)
        {
            // Another embedding model: the old contexts cannot be compared with new ones.
            _items.Clear();
        }

        _items.Add(evidence);
        if (_items.Count > MaxEvidence)
        {
            _items.RemoveRange(0, _items.Count - MaxEvidence);
        }

        return evidence;
    }

    /// <summary>
    /// The style preferences for a context: the <see cref="Neighbours"/> most similar past contexts (at least
    /// <see cref="SimilarityFloor"/>), weighted by their similarity, and for each feature that at least
    /// <see cref="AssertedShare"/> of their weight asserts, the weighted preferred level.
    /// </summary>
    /// <param name="context">The embedding of the new context.</param>
    /// <returns>The preferences, most confident first; empty when no past context is near.</returns>
    public List<StylePreference> Infer(ReadOnlySpan<float> context)
    {
        Span<int> nearest = stackalloc int[Neighbours];
        Span<float> similarity = stackalloc float[Neighbours];
        int found = 0;
        for (int i = 0; i < _items.Count; i++)
        {
            float[] other = _items[i].Context;
            if (other.Length != context.Length)
            {
                continue;
            }

            float s = TensorPrimitives.CosineSimilarity(context, other);
            if (!(s >= SimilarityFloor))
            {
                continue;
            }

            // Insert into the top-k, most similar first; on a tie the newer edit goes first.
            if (found == Neighbours && s < similarity[Neighbours - 1])
            {
                continue;
            }

            int at = found < Neighbours ? found : Neighbours - 1;
            while (at > 0 && s >= similarity[at - 1])
            {
                nearest[at] = nearest[at - 1];
                similarity[at] = similarity[at - 1];
                at--;
            }

            nearest[at] = i;
            similarity[at] = s;
            found = Math.Min(found + 1, Neighbours);
        }

        var preferences = new List<StylePreference>();
        if (found == 0)
        {
            return preferences;
        }

        Span<double> weights = stackalloc double[Neighbours];
        double total = 0;
        for (int n = 0; n < found; n++)
        {
            weights[n] = similarity[n];
            total += weights[n];
        }

        for (int f = 0; f < StyleFeatures.Count; f++)
        {
            double weight = 0, level = 0;
            int support = 0;
            for (int n = 0; n < found; n++)
            {
                EditEvidence e = _items[nearest[n]];
                if (e.Asserts(f))
                {
                    weight += weights[n];
                    level += weights[n] * (StyleFeatures.IsRatio((StyleFeature)f) ? Math.Log(1 + e.Levels[f]) : e.Levels[f]);
                    support++;
                }
            }

            if (support == 0 || weight / total < AssertedShare)
            {
                continue;
            }

            level /= weight;
            if (StyleFeatures.IsRatio((StyleFeature)f))
            {
                level = Math.Exp(level) - 1;
            }

            var sources = new string[support];
            for (int n = 0, s = 0; n < found; n++)
            {
                if (_items[nearest[n]].Asserts(f))
                {
                    sources[s++] = _items[nearest[n]].EventId;
                }
            }

            double confidence = weight / total * support / (support + 1.0);
            var feature = (StyleFeature)f;
            preferences.Add(new StylePreference(feature, StyleFeatures.Describe(feature, (float)level), Math.Round(level, 3), Math.Round(confidence, 3), sources));
        }

        preferences.Sort(static (a, b) => b.Confidence != a.Confidence ? b.Confidence.CompareTo(a.Confidence) : a.Feature.CompareTo(b.Feature));
        return preferences;
    }

    private static float[] ReadFloats(ReadOnlySpan<byte> bytes, ref int at, int count)
    {
        var values = new float[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes[(at + (4 * i))..]);
        }

        at += 4 * count;
        return values;
    }

    private static void WriteFloats(Span<byte> span, ref int at, float[] values)
    {
        for (int i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(span[(at + (4 * i))..], values[i]);
        }

        at += 4 * values.Length;
    }
}
