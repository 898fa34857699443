using System.Buffers;
using System.Text;
using Penchant.Deciding;

namespace Penchant.Signals.Codecs;

/// <summary>
/// The compact encodings of a decision's data: a marker and the base64 of a binary record. Every probability is kept to
/// the bit (IEEE doubles, not decimal text), so the logged propensities that off-policy evaluation divides by are exactly
/// the ones used. A feature name is written once per record and referred to by number after that.
/// <list type="bullet">
/// <item><see cref="Marker"/> (<c>d1:</c>): the decision with every action, its identifier, text and features.</item>
/// <item><see cref="SetMarker"/> (<c>d2:</c>): the decision with its <em>action set</em> (the actions as the caller gave
/// them) named by a content hash (<see cref="ActionSetId"/>): the first decision over a set carries the set in its own
/// record; later ones name the set and the decision that carries it, and keep only what is theirs (the context, the slate,
/// every action's propensity, the policy, and the stated-preference score of each action when there are any).</item>
/// </list>
/// </summary>
/// <remarks>
/// Thread-safe (per-thread buffers). Entries written before these formats (JSON objects) are still read by
/// <see cref="DecisionCodec"/>, and <c>d1</c> records are still read (and written for a decision recorded without a set).
/// A decision by reference over 100 actions is about a fifth of its <c>d1</c> record.
/// </remarks>
internal static class DecisionBinaryFormat
{
    /// <summary>The prefix of a decision's data in this format (a JSON object starts with '{', so they never collide).</summary>
    public const string Marker = "d1:";

    /// <summary>The prefix of a decision's data written with its action set, or by reference to it.</summary>
    public const string SetMarker = "d2:";

    private const byte ApprenticeFlag = 1;
    private const byte DeferredFlag = 2;
    private const byte ContextTextFlag = 4;
    private const byte CarrierFlag = 8;
    private const byte ScoresFlag = 16;
    private const int SetIdBytes = 16;
    private const int MaxKeptBuffer = 1 << 20;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Dictionary<string, int>? t_names;

    /// <summary>
    /// Gets the content hash that names an action set: the first 128 bits of the SHA-256 of its binary record (every
    /// action's identifier, text and features, in order), as 32 lowercase hexadecimal digits.
    /// </summary>
    public static string ActionSetId(IReadOnlyList<DecisionAction> actions)
    {
        ArrayBufferWriter<byte> buffer = t_buffer ??= new ArrayBufferWriter<byte>(4096);
        buffer.ResetWrittenCount();
        WriteActions(buffer, actions, new Dictionary<string, int>(StringComparer.Ordinal));
        string id = HashOf(buffer.WrittenSpan);
        Release(buffer);
        return id;
    }

    private static string HashOf(ReadOnlySpan<byte> record)
    {
        Span<byte> hash = stackalloc byte[32];
        System.Security.Cryptography.SHA256.HashData(record, hash);
        return Convert.ToHexStringLower(hash[..SetIdBytes]);
    }

    /// <summary>Writes a decision's data: <c>d2</c> when it names its action set, else <c>d1</c>.</summary>
    public static string Write(Decision decision)
        => decision.ActionSetId is null ? WriteFull(decision) : WriteWithSet(decision);

    private static string WriteWithSet(Decision decision)
    {
        ArrayBufferWriter<byte> buffer = t_buffer ??= new ArrayBufferWriter<byte>(4096);
        buffer.ResetWrittenCount();
        Dictionary<string, int> names = t_names ??= new Dictionary<string, int>(StringComparer.Ordinal);
        names.Clear();
        bool carrier = decision.CarriesActionSet;
        if (carrier && decision.SetActions is null)
        {
            throw new ArgumentException("A decision that carries its action set needs the set's actions.", nameof(decision));
        }

        WriteHeader(buffer, decision, (byte)((carrier ? CarrierFlag : 0) | (decision.PreferenceScores is null ? 0 : ScoresFlag)), names);
        WriteString(buffer, decision.ActionSetId!);
        int k = decision.Actions.Count;
        if (carrier)
        {
            // The set's own record, exactly as its hash was taken: a reader checks it against the name.
            WriteActions(buffer, decision.SetActions!, new Dictionary<string, int>(StringComparer.Ordinal));
        }
        else
        {
            WriteString(buffer, decision.CarrierId ?? throw new ArgumentException("A decision by reference names the decision that carries its action set.", nameof(decision)));
            WriteCount(buffer, k);
        }

        if (decision.PreferenceScores is { } scores)
        {
            for (int a = 0; a < k; a++)
            {
                WriteDouble(buffer, scores[a]);
            }
        }

        WriteSlateAndProbabilities(buffer, decision);
        names.Clear();
        return Finish(buffer, SetMarker);
    }

    /// <summary>
    /// What both records open with: the decision's identifier, its flags (<paramref name="recordFlags"/> added to those of
    /// the decision itself), policy, learned index, context text and context features.
    /// </summary>
    private static void WriteHeader(ArrayBufferWriter<byte> buffer, Decision decision, byte recordFlags, Dictionary<string, int> names)
    {
        WriteString(buffer, decision.DecisionId);
        WriteByte(buffer, (byte)((decision.Apprentice ? ApprenticeFlag : 0) | (decision.Deferred ? DeferredFlag : 0) | (decision.Context.Text is null ? 0 : ContextTextFlag) | recordFlags));
        WriteCount(buffer, (int)decision.Policy);
        WriteCount(buffer, decision.LearnedIndex);
        if (decision.Context.Text is { } contextText)
        {
            WriteString(buffer, contextText);
        }

        WriteFeatures(buffer, decision.Context.Features, names);
    }

    /// <summary>
    /// The count, then each action's identifier, text and features. In a <c>d1</c> record feature names are numbered
    /// across the whole record; an action set's record (<c>d2</c>) numbers them within the set, so its hash depends on
    /// the set alone.
    /// </summary>
    private static void WriteActions(ArrayBufferWriter<byte> buffer, IReadOnlyList<DecisionAction> actions, Dictionary<string, int> names)
    {
        WriteCount(buffer, actions.Count);
        for (int a = 0; a < actions.Count; a++)
        {
            DecisionAction action = actions[a];
            WriteString(buffer, action.Id);
            WriteByte(buffer, action.Text is null ? (byte)0 : (byte)1);
            if (action.Text is { } text)
            {
                WriteString(buffer, text);
            }

            WriteFeatures(buffer, action.Features, names);
        }
    }

    private static void WriteSlateAndProbabilities(ArrayBufferWriter<byte> buffer, Decision decision)
    {
        WriteCount(buffer, decision.Slate.Count);
        for (int s = 0; s < decision.Slate.Count; s++)
        {
            WriteCount(buffer, decision.Slate[s]);
            WriteDouble(buffer, decision.SlateProbabilities[s]);
        }

        for (int a = 0; a < decision.Actions.Count; a++)
        {
            WriteDouble(buffer, decision.Probabilities[a]);
        }
    }

    private static string Finish(ArrayBufferWriter<byte> buffer, string marker)
    {
        string data = string.Create(marker.Length + Base64Length(buffer.WrittenCount), (buffer, marker), static (chars, state) =>
        {
            state.marker.AsSpan().CopyTo(chars);
            bool encoded = Convert.TryToBase64Chars(state.buffer.WrittenSpan, chars[state.marker.Length..], out int length);
            System.Diagnostics.Debug.Assert(encoded && length == chars.Length - state.marker.Length, "The base64 length was computed wrongly.");
        });
        Release(buffer);
        return data;
    }

    private static void Release(ArrayBufferWriter<byte> buffer)
    {
        if (buffer.Capacity > MaxKeptBuffer)
        {
            // A very large decision does not keep its buffer alive for the thread's lifetime.
            t_buffer = null;
        }
        else
        {
            // Nothing of a decision stays in the thread's buffer after it is written.
            buffer.Clear();
        }
    }

    /// <summary>Writes a decision's data with every action (<c>d1</c>).</summary>
    private static string WriteFull(Decision decision)
    {
        // One buffer per thread, reused: the record is written, then copied once into the string.
        ArrayBufferWriter<byte> buffer = t_buffer ??= new ArrayBufferWriter<byte>(4096);
        buffer.ResetWrittenCount();
        Dictionary<string, int> names = t_names ??= new Dictionary<string, int>(StringComparer.Ordinal);
        names.Clear();
        WriteHeader(buffer, decision, 0, names);
        WriteActions(buffer, decision.Actions, names);

        WriteSlateAndProbabilities(buffer, decision);
        names.Clear();
        return Finish(buffer, Marker);
    }

    private static int Base64Length(int bytes) => ((bytes + 2) / 3) * 4;

    /// <summary>Reads a decision's data written by <see cref="Write"/> (either format).</summary>
    /// <returns>
    /// The decision, or <see langword="null"/> when the data is not in these formats or is malformed. A decision by
    /// reference to its action set comes back with no actions (<see cref="Decision.NeedsActions"/>): find the set, then
    /// <see cref="Decision.WithActionSet"/>.
    /// </returns>
    public static Decision? Read(string data, DateTimeOffset at)
    {
        bool withSet = data.StartsWith(SetMarker, StringComparison.Ordinal);
        if (!withSet && !data.StartsWith(Marker, StringComparison.Ordinal))
        {
            return null;
        }

        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(data[Marker.Length..]);
        }
        catch (FormatException)
        {
            return null;
        }

        var reader = new Reader(bytes);
        try
        {
            return withSet ? ReadWithSet(ref reader, at) : ReadFull(ref reader, at);
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    private static Decision? ReadFull(ref Reader reader, DateTimeOffset at)
    {
        var names = new List<string>();
        string id = reader.String();
        byte flags = reader.Byte();
        var policy = (DecisionPolicy)reader.Count();
        int learned = reader.Count();
        string? contextText = (flags & ContextTextFlag) != 0 ? reader.String() : null;
        var context = new DecisionContext(contextText) { Features = reader.Features(names) };
        DecisionAction[] actions = reader.Actions(reader.Count(), names);
        int k = actions.Length;
        (int[] slate, double[] slateProbabilities, double[] probabilities) = reader.SlateAndProbabilities(k);
        return reader.AtEnd
            ? new Decision(id, context, actions, slate, slateProbabilities, probabilities, at)
            {
                Policy = policy,
                Apprentice = (flags & ApprenticeFlag) != 0,
                LearnedIndex = learned,
                Deferred = (flags & DeferredFlag) != 0,
                ActionCount = k,
            }
            : null;
    }

    private static Decision? ReadWithSet(ref Reader reader, DateTimeOffset at)
    {
        var names = new List<string>();
        string id = reader.String();
        byte flags = reader.Byte();
        var policy = (DecisionPolicy)reader.Count();
        int learned = reader.Count();
        string? contextText = (flags & ContextTextFlag) != 0 ? reader.String() : null;
        var context = new DecisionContext(contextText) { Features = reader.Features(names) };
        string setId = reader.String();
        string carrierId = id;
        DecisionAction[]? set = null;
        int k;
        if ((flags & CarrierFlag) != 0)
        {
            int start = reader.Position;
            set = reader.Actions(reader.Count(), []);
            if (!string.Equals(HashOf(reader.Since(start)), setId, StringComparison.Ordinal))
            {
                throw new InvalidDataException("The action set does not match its name.");
            }

            k = set.Length;
        }
        else
        {
            carrierId = reader.String();
            k = reader.Count();
        }

        double[]? scores = null;
        if ((flags & ScoresFlag) != 0)
        {
            scores = new double[k];
            for (int a = 0; a < k; a++)
            {
                scores[a] = reader.Double();
            }
        }

        (int[] slate, double[] slateProbabilities, double[] probabilities) = reader.SlateAndProbabilities(k);
        if (!reader.AtEnd)
        {
            return null;
        }

        var decision = new Decision(id, context, [], slate, slateProbabilities, probabilities, at)
        {
            Policy = policy,
            Apprentice = (flags & ApprenticeFlag) != 0,
            LearnedIndex = learned,
            Deferred = (flags & DeferredFlag) != 0,
            ActionSetId = setId,
            CarrierId = carrierId,
            PreferenceScores = scores,
            ActionCount = k,
        };
        return set is null ? decision : decision.WithActionSet(set);
    }

    private static void WriteFeatures(ArrayBufferWriter<byte> buffer, IReadOnlyList<Feature> features, Dictionary<string, int> names)
    {
        WriteCount(buffer, features.Count);
        for (int i = 0; i < features.Count; i++)
        {
            Feature feature = features[i];

            // A name seen before is its number; a new one is the next number followed by the name.
            if (names.TryGetValue(feature.Name, out int index))
            {
                WriteCount(buffer, index);
            }
            else
            {
                WriteCount(buffer, names.Count);
                names.Add(feature.Name, names.Count);
                WriteString(buffer, feature.Name);
            }

            WriteDouble(buffer, feature.Value);
        }
    }

    private static void WriteByte(ArrayBufferWriter<byte> buffer, byte value)
    {
        buffer.GetSpan(1)[0] = value;
        buffer.Advance(1);
    }

    private static void WriteCount(ArrayBufferWriter<byte> buffer, int value)
    {
        Span<byte> span = buffer.GetSpan(5);
        uint v = (uint)value;
        int i = 0;
        while (v >= 0x80)
        {
            span[i++] = (byte)(v | 0x80);
            v >>= 7;
        }

        span[i++] = (byte)v;
        buffer.Advance(i);
    }

    private static void WriteDouble(ArrayBufferWriter<byte> buffer, double value)
    {
        System.Buffers.Binary.BinaryPrimitives.WriteDoubleLittleEndian(buffer.GetSpan(8), value);
        buffer.Advance(8);
    }

    private static void WriteString(ArrayBufferWriter<byte> buffer, string value)
    {
        int length = Encoding.UTF8.GetByteCount(value);
        WriteCount(buffer, length);
        Encoding.UTF8.GetBytes(value, buffer.GetSpan(length));
        buffer.Advance(length);
    }

    /// <summary>Reads the record; every read checks the bounds and throws <see cref="InvalidDataException"/> past them.</summary>
    private ref struct Reader(byte[] bytes)
    {
        private int _position;

        public readonly bool AtEnd => _position == bytes.Length;

        public readonly int Position => _position;

        /// <summary>The bytes read since <paramref name="start"/>.</summary>
        public readonly ReadOnlySpan<byte> Since(int start) => bytes.AsSpan(start, _position - start);

        public DecisionAction[] Actions(int count, List<string> names)
        {
            // Every action takes at least three bytes: a count that no record could hold is refused before allocating.
            Need(count);
            var actions = new DecisionAction[count];
            for (int a = 0; a < count; a++)
            {
                string actionId = String();
                string? text = Byte() != 0 ? String() : null;
                actions[a] = new DecisionAction(actionId, text) { Features = Features(names) };
            }

            return actions;
        }

        public (int[] Slate, double[] SlateProbabilities, double[] Probabilities) SlateAndProbabilities(int actions)
        {
            int slateSize = Count();
            Need(slateSize);
            int[] slate = new int[slateSize];
            double[] slateProbabilities = new double[slateSize];
            for (int s = 0; s < slateSize; s++)
            {
                slate[s] = Count();
                slateProbabilities[s] = Double();
            }

            Need(actions * 8);
            double[] probabilities = new double[actions];
            for (int a = 0; a < actions; a++)
            {
                probabilities[a] = Double();
            }

            return (slate, slateProbabilities, probabilities);
        }

        public byte Byte()
        {
            Need(1);
            return bytes[_position++];
        }

        public int Count()
        {
            uint value = 0;
            for (int shift = 0; shift < 35; shift += 7)
            {
                byte b = Byte();
                value |= (uint)(b & 0x7F) << shift;
                if ((b & 0x80) == 0)
                {
                    return value <= int.MaxValue ? (int)value : throw new InvalidDataException("A count is out of range.");
                }
            }

            throw new InvalidDataException("A count is malformed.");
        }

        public double Double()
        {
            Need(8);
            double value = System.Buffers.Binary.BinaryPrimitives.ReadDoubleLittleEndian(bytes.AsSpan(_position, 8));
            _position += 8;
            return value;
        }

        public string String()
        {
            int length = Count();
            Need(length);
            string value = Encoding.UTF8.GetString(bytes, _position, length);
            _position += length;
            return value;
        }

        public Feature[] Features(List<string> names)
        {
            int count = Count();
            Need(count);
            var features = new Feature[count];
            for (int i = 0; i < count; i++)
            {
                int index = Count();
                if (index == names.Count)
                {
                    names.Add(String());
                }
                else if (index > names.Count)
                {
                    throw new InvalidDataException("A feature name is used before it is written.");
                }

                features[i] = new Feature(names[index], Double());
            }

            return features;
        }

        private readonly void Need(int count)
        {
            if (count < 0 || _position + count > bytes.Length)
            {
                throw new InvalidDataException("The decision's data is truncated.");
            }
        }
    }
}
