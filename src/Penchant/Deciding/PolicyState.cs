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

    public byte[] Serialize()
    {
        int d = Regression.Dimensions;
        using var stream = new MemoryStream(128 + ((d * d) + d) * sizeof(double) + (Pending.Count * 256));
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
        }

        return stream.ToArray();
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
