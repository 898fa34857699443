using System.Runtime.InteropServices;
using Penchant.Numerics;

namespace Penchant.Deciding;

/// <summary>
/// A user's decision policy as learned from the log: the online regressor, the decisions waiting for rewards (without
/// their feature vectors), and the counts the report shows. Kept in memory (<see cref="PolicyCache"/>) and written as
/// the user's model part <see cref="ModelName"/> only every so often, as a snapshot that names the last log entry it
/// reflects (<see cref="AsOf"/>): the log is the truth, and a policy is read back as its snapshot plus the entries after it.
/// </summary>
/// <remarks>Not thread-safe: the learner changes it and the decider reads it under a lock on the instance.</remarks>
internal sealed class PolicyState
{
    public const string ModelName = "decisions";
    private const int FormatVersion = 2;

    public PolicyState(BayesianLinearRegression regression) => Regression = regression;

    public BayesianLinearRegression Regression { get; }

    public Dictionary<string, PendingDecision> Pending { get; } = new(StringComparer.Ordinal);

    /// <summary>The most action sets a policy keeps in memory; beyond it the least recently used is dropped (a later decision over it carries it again).</summary>
    public const int MaxActionSets = 32;

    private readonly List<ActionSetEntry> _actionSets = [];

    /// <summary>
    /// Gets the embeddings of the texts this user's decisions featurized, by text (in memory only, never written): a
    /// user's texts stay with the user's policy, which goes when the user is forgotten.
    /// </summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, float[]> Texts { get; } = new(StringComparer.Ordinal);

    /// <summary>Finds the action set a decision refers to by its content hash (and marks it the most recently used).</summary>
    public ActionSetEntry? FindActionSet(string id)
    {
        for (int i = _actionSets.Count - 1; i >= 0; i--)
        {
            if (string.Equals(_actionSets[i].Id, id, StringComparison.Ordinal))
            {
                return Touch(i);
            }
        }

        return null;
    }

    /// <summary>Finds the known action set that holds exactly these actions, the most recently used first.</summary>
    public ActionSetEntry? MatchActionSet(IReadOnlyList<DecisionAction> actions)
    {
        for (int i = _actionSets.Count - 1; i >= 0; i--)
        {
            if (_actionSets[i].Matches(actions))
            {
                return Touch(i);
            }
        }

        return null;
    }

    /// <summary>Remembers an action set (replacing one of the same hash), dropping the least recently used beyond <see cref="MaxActionSets"/>.</summary>
    public ActionSetEntry RememberActionSet(ActionSetEntry entry)
    {
        _actionSets.RemoveAll(e => string.Equals(e.Id, entry.Id, StringComparison.Ordinal));
        if (_actionSets.Count >= MaxActionSets)
        {
            _actionSets.RemoveAt(0);
        }

        _actionSets.Add(entry);
        return entry;
    }

    /// <summary>Marks every set whose carrying decision was learned in a write that committed as logged.</summary>
    public void ConfirmActionSets()
    {
        foreach (ActionSetEntry entry in _actionSets)
        {
            entry.Logged = true;
        }
    }

    private ActionSetEntry Touch(int index)
    {
        ActionSetEntry entry = _actionSets[index];
        if (index != _actionSets.Count - 1)
        {
            _actionSets.RemoveAt(index);
            _actionSets.Add(entry);
        }

        return entry;
    }

    /// <summary>Gets or sets the identifier of the last log entry the policy has learned; <see langword="null"/> for none.</summary>
    public string? AsOf { get; set; }

    /// <summary>Gets or sets the number of entries learned since the policy was last written (in memory only).</summary>
    public int SinceSnapshot { get; set; }

    /// <summary>Gets or sets the log time of the entry the policy was last written at (in memory only).</summary>
    public DateTimeOffset? SnapshotAt { get; set; }

    public long NextOrder { get; set; }

    public long Decisions { get; set; }

    public long Rewarded { get; set; }

    public long Defaulted { get; set; }

    public double RewardSum { get; set; }

    public long ApprenticeClosed { get; set; }

    public long Agreements { get; set; }

    public double DefaultValueSum { get; set; }

    public double LearnedValueSum { get; set; }

    public DecisionReport Report()
    {
        long closed = Rewarded + Defaulted;
        return new DecisionReport(Decisions, Rewarded, Defaulted, Pending.Count, closed == 0 ? 0 : RewardSum / closed)
        {
            ApprenticeDecisions = ApprenticeClosed,
            AgreementRate = ApprenticeClosed == 0 ? 0 : (double)Agreements / ApprenticeClosed,
            DefaultValue = ApprenticeClosed == 0 ? 0 : DefaultValueSum / ApprenticeClosed,
            LearnedValue = ApprenticeClosed == 0 ? 0 : LearnedValueSum / ApprenticeClosed,
        };
    }

    /// <summary>Writes the policy as a snapshot as of its last learned entry: the regression, the counts and the waiting decisions' bookkeeping (no feature vectors).</summary>
    public byte[] Serialize()
    {
        // Written into an array of exactly the right size: no growing buffer, no copy at the end.
        byte[] buffer = new byte[SerializedSize()];
        using var stream = new MemoryStream(buffer, writable: true);
        using (var writer = new BinaryWriter(stream))
        {
            writer.Write(FormatVersion);
            writer.Write(AsOf ?? string.Empty);
            Regression.Write(writer);
            writer.Write(NextOrder);
            writer.Write(Decisions);
            writer.Write(Rewarded);
            writer.Write(Defaulted);
            writer.Write(RewardSum);
            writer.Write(ApprenticeClosed);
            writer.Write(Agreements);
            writer.Write(DefaultValueSum);
            writer.Write(LearnedValueSum);
            writer.Write(Pending.Count);
            foreach ((string id, PendingDecision p) in Pending)
            {
                writer.Write(id);
                writer.Write(p.Order);
                writer.Write(p.DecidedAt.UtcTicks);
                writer.Write(p.ActiveAt?.UtcTicks ?? -1L);
                writer.Write(p.Apprentice);
                writer.Write(p.Agreed);
                writer.Write(p.LearnedPrediction);
                writer.Write(p.Rewarded.Length);
                foreach (bool rewarded in p.Rewarded)
                {
                    writer.Write(rewarded);
                }
            }

            writer.Flush();
            System.Diagnostics.Debug.Assert(stream.Position == buffer.Length, "The policy's size was computed wrongly.");
        }

        return buffer;
    }

    /// <summary>The number of bytes <see cref="Serialize"/> writes.</summary>
    private int SerializedSize()
    {
        int d = Regression.Dimensions;
        int asOf = System.Text.Encoding.UTF8.GetByteCount(AsOf ?? string.Empty);
        int size = sizeof(int) + PrefixSize(asOf) + asOf + BayesianLinearRegression.SerializedSize(d) + (9 * sizeof(long)) + sizeof(int);
        foreach ((string id, PendingDecision p) in Pending)
        {
            int idBytes = System.Text.Encoding.UTF8.GetByteCount(id);
            size += PrefixSize(idBytes) + idBytes + (3 * sizeof(long)) + 2 + sizeof(double) + sizeof(int) + p.Rewarded.Length;
        }

        return size;
    }

    /// <summary>The size of <see cref="BinaryWriter"/>'s 7-bit encoded length prefix.</summary>
    private static int PrefixSize(int length)
    {
        int bytes = 1;
        for (uint v = (uint)length; v >= 0x80; v >>= 7)
        {
            bytes++;
        }

        return bytes;
    }

    /// <summary>Reads a snapshot <see cref="Serialize"/> wrote; its waiting decisions have no feature vectors yet.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a snapshot this version wrote.</exception>
    public static PolicyState Deserialize(ReadOnlyMemory<byte> payload)
    {
        using MemoryStream stream = MemoryMarshal.TryGetArray(payload, out ArraySegment<byte> segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(payload.ToArray(), writable: false);
        using var reader = new BinaryReader(stream);
        try
        {
            if (reader.ReadInt32() != FormatVersion)
            {
                throw new InvalidDataException("Unknown decision policy format.");
            }

            string asOf = reader.ReadString();
            var state = new PolicyState(BayesianLinearRegression.Read(reader))
            {
                AsOf = asOf.Length == 0 ? null : asOf,
                NextOrder = reader.ReadInt64(),
                Decisions = reader.ReadInt64(),
                Rewarded = reader.ReadInt64(),
                Defaulted = reader.ReadInt64(),
                RewardSum = reader.ReadDouble(),
                ApprenticeClosed = reader.ReadInt64(),
                Agreements = reader.ReadInt64(),
                DefaultValueSum = reader.ReadDouble(),
                LearnedValueSum = reader.ReadDouble(),
            };
            int pending = reader.ReadInt32();
            if (pending < 0)
            {
                throw new InvalidDataException("Malformed decision policy.");
            }

            for (int i = 0; i < pending; i++)
            {
                string id = reader.ReadString();
                long order = reader.ReadInt64();
                var decidedAt = new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero);
                long active = reader.ReadInt64();
                bool apprentice = reader.ReadBoolean();
                bool agreed = reader.ReadBoolean();
                double learned = reader.ReadDouble();
                int slotCount = reader.ReadInt32();
                if (slotCount is < 1 or > 100_000)
                {
                    throw new InvalidDataException("Malformed decision policy.");
                }

                bool[] rewarded = new bool[slotCount];
                for (int s = 0; s < slotCount; s++)
                {
                    rewarded[s] = reader.ReadBoolean();
                }

                state.Pending[id] = new PendingDecision
                {
                    Order = order,
                    DecidedAt = decidedAt,
                    ActiveAt = active < 0 ? null : new DateTimeOffset(active, TimeSpan.Zero),
                    Apprentice = apprentice,
                    Agreed = agreed,
                    LearnedPrediction = learned,
                    Rewarded = rewarded,
                };
            }

            return state;
        }
        catch (EndOfStreamException exception)
        {
            throw new InvalidDataException("Truncated decision policy.", exception);
        }
    }
}
