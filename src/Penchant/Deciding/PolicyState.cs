using System.Runtime.InteropServices;
using Penchant.Numerics;

namespace Penchant.Deciding;

/// <summary>
/// A user's decision policy as learned from the log: the online regressor, the decisions waiting for rewards, and the
/// counts the report shows. Serialized as the user's model part <see cref="ModelName"/>; rebuilt by replay.
/// </summary>
/// <remarks>Not thread-safe.</remarks>
internal sealed class PolicyState
{
    public const string ModelName = "decisions";
    private const int FormatVersion = 1;

    public PolicyState(BayesianLinearRegression regression) => Regression = regression;

    public BayesianLinearRegression Regression { get; }

    public Dictionary<string, PendingDecision> Pending { get; } = new(StringComparer.Ordinal);

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

    /// <summary>Copies the policy deeply enough that changing the copy leaves this one as it is.</summary>
    public PolicyState Clone()
    {
        var copy = new PolicyState(Regression.Clone())
        {
            NextOrder = NextOrder,
            Decisions = Decisions,
            Rewarded = Rewarded,
            Defaulted = Defaulted,
            RewardSum = RewardSum,
            ApprenticeClosed = ApprenticeClosed,
            Agreements = Agreements,
            DefaultValueSum = DefaultValueSum,
            LearnedValueSum = LearnedValueSum,
        };
        copy.Pending.EnsureCapacity(Pending.Count);
        foreach ((string id, PendingDecision p) in Pending)
        {
            // The slots' features are never changed after a decision is added; the rewarded flags and activation are.
            copy.Pending[id] = new PendingDecision
            {
                Order = p.Order,
                DecidedAt = p.DecidedAt,
                ActiveAt = p.ActiveAt,
                Slots = p.Slots,
                Rewarded = (bool[])p.Rewarded.Clone(),
                Apprentice = p.Apprentice,
                Agreed = p.Agreed,
                LearnedPrediction = p.LearnedPrediction,
            };
        }

        return copy;
    }

    public byte[] Serialize()
    {
        // Written into an array of exactly the right size: no growing buffer, no copy at the end.
        byte[] buffer = new byte[SerializedSize()];
        using var stream = new MemoryStream(buffer, writable: true);
        using (var writer = new BinaryWriter(stream))
        {
            writer.Write(FormatVersion);
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
                writer.Write(p.Slots.Length);
                for (int s = 0; s < p.Slots.Length; s++)
                {
                    writer.Write(p.Rewarded[s]);
                    writer.Write(p.Slots[s].Length);
                    foreach ((int index, double value) in p.Slots[s])
                    {
                        writer.Write(index);
                        writer.Write(value);
                    }
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
        int size = sizeof(int) + BayesianLinearRegression.SerializedSize(d) + (9 * sizeof(long)) + sizeof(int);
        foreach ((string id, PendingDecision p) in Pending)
        {
            int idBytes = System.Text.Encoding.UTF8.GetByteCount(id);
            size += PrefixSize(idBytes) + idBytes + (3 * sizeof(long)) + 2 + sizeof(double) + sizeof(int);
            foreach ((int, double)[] slot in p.Slots)
            {
                size += 1 + sizeof(int) + (slot.Length * (sizeof(int) + sizeof(double)));
            }
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

            var state = new PolicyState(BayesianLinearRegression.Read(reader))
            {
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
                var slots = new (int, double)[slotCount][];
                bool[] rewarded = new bool[slotCount];
                for (int s = 0; s < slotCount; s++)
                {
                    rewarded[s] = reader.ReadBoolean();
                    slots[s] = new (int, double)[reader.ReadInt32()];
                    for (int j = 0; j < slots[s].Length; j++)
                    {
                        slots[s][j] = (reader.ReadInt32(), reader.ReadDouble());
                    }
                }

                state.Pending[id] = new PendingDecision
                {
                    Order = order,
                    DecidedAt = decidedAt,
                    ActiveAt = active < 0 ? null : new DateTimeOffset(active, TimeSpan.Zero),
                    Apprentice = apprentice,
                    Agreed = agreed,
                    LearnedPrediction = learned,
                    Slots = slots,
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
