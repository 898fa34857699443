using System.Buffers.Binary;
using Penchant.Ranking;

namespace Penchant.Learning.Ranking;

/// <summary>One user's small part of the ranking model: mixture logits over the prototypes and a bias over the surface factors.</summary>
/// <remarks>Holds no text; deleted with the user.</remarks>
internal sealed class UserPart
{
    private const int FormatVersion = 1;

    public UserPart(int prototypes)
    {
        Logits = new float[prototypes];
    }

    /// <summary>Gets the mixture logits (softmax gives the weights).</summary>
    public float[] Logits { get; }

    /// <summary>Gets the user's own weights on the surface factors, learned online from their signals.</summary>
    public float[] SurfaceBias { get; } = new float[SurfaceFeatures.Count];

    /// <summary>Gets or sets how many comparisons the part has learned from.</summary>
    public int Comparisons { get; set; }

    /// <summary>Creates a user part that starts from the population's prior.</summary>
    public static UserPart FromPrior(RewardModel? model)
    {
        var part = new UserPart(model?.Prototypes.Length ?? 0);
        model?.PriorLogits.CopyTo(part.Logits, 0);
        return part;
    }

    /// <summary>Adapts a part to a model with another number of prototypes: the mixture restarts from the prior, the surface bias is kept.</summary>
    public UserPart Fit(RewardModel? model)
    {
        int k = model?.Prototypes.Length ?? 0;
        if (Logits.Length == k)
        {
            return this;
        }

        UserPart part = FromPrior(model);
        SurfaceBias.CopyTo(part.SurfaceBias, 0);
        part.Comparisons = Comparisons;
        return part;
    }

    /// <summary>Serializes the part.</summary>
    public byte[] ToBytes()
    {
        var bytes = new byte[(3 * sizeof(int)) + ((Logits.Length + SurfaceBias.Length) * sizeof(float))];
        var span = bytes.AsSpan();
        BinaryPrimitives.WriteInt32LittleEndian(span, FormatVersion);
        BinaryPrimitives.WriteInt32LittleEndian(span[4..], Logits.Length);
        BinaryPrimitives.WriteInt32LittleEndian(span[8..], Comparisons);
        int at = 12;
        foreach (float v in Logits)
        {
            BinaryPrimitives.WriteSingleLittleEndian(span[at..], v);
            at += 4;
        }

        foreach (float v in SurfaceBias)
        {
            BinaryPrimitives.WriteSingleLittleEndian(span[at..], v);
            at += 4;
        }

        return bytes;
    }

    /// <summary>Reads a part written by <see cref="ToBytes"/>, or <see langword="null"/> when it has another format.</summary>
    public static UserPart? FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 12 || BinaryPrimitives.ReadInt32LittleEndian(bytes) != FormatVersion)
        {
            return null;
        }

        int k = BinaryPrimitives.ReadInt32LittleEndian(bytes[4..]);
        if (k < 0 || bytes.Length != 12 + ((k + SurfaceFeatures.Count) * 4))
        {
            return null;
        }

        var part = new UserPart(k) { Comparisons = BinaryPrimitives.ReadInt32LittleEndian(bytes[8..]) };
        int at = 12;
        for (int i = 0; i < k; i++, at += 4)
        {
            part.Logits[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes[at..]);
        }

        for (int i = 0; i < SurfaceFeatures.Count; i++, at += 4)
        {
            part.SurfaceBias[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes[at..]);
        }

        return part;
    }
}
