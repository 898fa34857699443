using System.Numerics.Tensors;
using Penchant.Learning.Ranking;

namespace Penchant.Ranking;

/// <summary>
/// A tenant's population ranking model over the features of (context, candidate) pairs: a Bradley–Terry reward
/// (<see cref="Base"/>), a few shared prototype rewards mixed by small per-user weights (the PAL ideal-point idea), a
/// skew-symmetric head for intransitive preferences (the GPM idea) and a calibration temperature.
/// </summary>
/// <remarks>
/// For a user with mixture weights α and surface bias b the reward of features φ is
/// <c>Base·φ + Σₖ αₖ Prototypesₖ·φ_surface + b·φ_surface</c>: the population reward reads all features, while tastes
/// (the prototypes) are ideal points over the surface factors only, which a few comparisons can tell apart (over the
/// whole feature vector a few thousand comparisons fit noise). The probability that a beats b is
/// <c>σ((r(a) − r(b) + vₐᵀ R v_b) / T)</c> with <c>v = Skew φ</c> and R block-diagonal rotations.
/// Instances are not thread-safe while training; a trained model is only read.
/// </remarks>
internal sealed class RewardModel
{
    // Format 1 (prototypes over all features) is still read; format 2 stores the prototypes' width; format 3 the users'
    // bias precision (read as 0 from older formats: no prior beyond the one FitUser is given).
    private const int FormatVersion = 3;

    /// <summary>Initializes a new instance of the <see cref="RewardModel"/> class.</summary>
    /// <param name="embeddingDimensions">The embedding size the features are built with.</param>
    /// <param name="prototypes">The number of prototypes.</param>
    /// <param name="skewRank">The rotation blocks of the skew-symmetric head.</param>
    /// <param name="prototypeDimensions">The features the prototypes read (a prefix); by default the surface factors.</param>
    public RewardModel(int embeddingDimensions, int prototypes, int skewRank, int prototypeDimensions = SurfaceFeatures.Count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(embeddingDimensions);
        ArgumentOutOfRangeException.ThrowIfNegative(prototypes);
        ArgumentOutOfRangeException.ThrowIfNegative(skewRank);
        EmbeddingDimensions = embeddingDimensions;
        Dimensions = FeatureLayout.Dimensions(embeddingDimensions);
        ArgumentOutOfRangeException.ThrowIfLessThan(prototypeDimensions, SurfaceFeatures.Count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(prototypeDimensions, Dimensions);
        PrototypeDimensions = prototypeDimensions;
        Base = new float[Dimensions];
        Prototypes = new float[prototypes][];
        for (int k = 0; k < prototypes; k++)
        {
            Prototypes[k] = new float[prototypeDimensions];
        }

        SkewRank = skewRank;
        Skew = new float[2 * skewRank * Dimensions];
        PriorLogits = new float[prototypes];
    }

    /// <summary>Gets the embedding size the features were built with.</summary>
    public int EmbeddingDimensions { get; }

    /// <summary>Gets the feature size.</summary>
    public int Dimensions { get; }

    /// <summary>Gets the population (global) Bradley–Terry weights.</summary>
    public float[] Base { get; }

    /// <summary>Gets how many leading features the prototypes read: the surface factors (models stored in format 1 read all).</summary>
    public int PrototypeDimensions { get; }

    /// <summary>Gets the prototype reward weights, each <see cref="PrototypeDimensions"/> long.</summary>
    public float[][] Prototypes { get; }

    /// <summary>Gets the mixture logits a user starts from (the population's average taste).</summary>
    public float[] PriorLogits { get; }

    /// <summary>
    /// Gets the prior precision of a user's own surface bias on each factor, fitted on the population (empirical Bayes):
    /// high where users of a taste are alike, so a few comparisons move the user's mixture rather than their bias.
    /// </summary>
    public float[] BiasPrecision { get; } = new float[SurfaceFeatures.Count];

    /// <summary>Gets the number of 2-dimensional rotation blocks of the skew-symmetric head (0 = none).</summary>
    public int SkewRank { get; }

    /// <summary>Gets the skew head's projection, <c>2·SkewRank × Dimensions</c>, row-major.</summary>
    public float[] Skew { get; }

    /// <summary>Gets or sets the calibration temperature.</summary>
    public double Temperature { get; set; } = 1.0;

    /// <summary>Gets or sets how many comparisons the model was trained on.</summary>
    public int TrainedComparisons { get; set; }

    /// <summary>Gets or sets how many users the model was trained on.</summary>
    public int TrainedUsers { get; set; }

    /// <summary>Computes the scalar reward of features for a user.</summary>
    public double Reward(ReadOnlySpan<float> features, UserPart? user)
    {
        double r = TensorPrimitives.Dot(Base, features);
        if (Prototypes.Length > 0)
        {
            Span<float> alpha = stackalloc float[Prototypes.Length];
            Mixture(user, alpha);
            for (int k = 0; k < Prototypes.Length; k++)
            {
                r += alpha[k] * TensorPrimitives.Dot(Prototypes[k], features[..PrototypeDimensions]);
            }
        }

        if (user is not null)
        {
            r += TensorPrimitives.Dot(user.SurfaceBias, features[..SurfaceFeatures.Count]);
        }

        return r;
    }

    /// <summary>
    /// Gets a user's weights on the surface factors (see <see cref="SurfaceFeatures.Names"/>): the population's, plus the
    /// user's mixture of the prototypes, plus the user's own bias; what the learned ranking rewards or penalises in a
    /// response a person can name.
    /// </summary>
    /// <param name="model">The tenant's model, or <see langword="null"/> when none is trained.</param>
    /// <param name="part">The user's part, or <see langword="null"/>.</param>
    /// <returns><see cref="SurfaceFeatures.Count"/> weights.</returns>
    public static double[] SurfaceWeights(RewardModel? model, UserPart? part)
    {
        var weights = new double[SurfaceFeatures.Count];
        if (model is not null)
        {
            Span<float> alpha = stackalloc float[model.Prototypes.Length];
            model.Mixture(part, alpha);
            for (int k = 0; k < weights.Length; k++)
            {
                weights[k] = model.Base[k];
                for (int p = 0; p < alpha.Length; p++)
                {
                    weights[k] += alpha[p] * model.Prototypes[p][k];
                }
            }
        }

        if (part is not null)
        {
            for (int k = 0; k < weights.Length; k++)
            {
                weights[k] += part.SurfaceBias[k];
            }
        }

        return weights;
    }

    /// <summary>Projects features through the skew head (length 2·SkewRank).</summary>
    public float[] Project(ReadOnlySpan<float> features)
    {
        var v = new float[2 * SkewRank];
        for (int j = 0; j < v.Length; j++)
        {
            v[j] = TensorPrimitives.Dot(Skew.AsSpan(j * Dimensions, Dimensions), features);
        }

        return v;
    }

    /// <summary>Computes <c>vₐᵀ R v_b</c>, antisymmetric in its arguments.</summary>
    public static double SkewScore(ReadOnlySpan<float> va, ReadOnlySpan<float> vb)
    {
        double s = 0;
        for (int j = 0; j + 1 < va.Length; j += 2)
        {
            s += (va[j] * vb[j + 1]) - (va[j + 1] * vb[j]);
        }

        return s;
    }

    /// <summary>Writes a user's mixture weights (softmax of their logits, or of the prior).</summary>
    public void Mixture(UserPart? user, Span<float> alpha)
    {
        if (Prototypes.Length == 0)
        {
            return;
        }

        ReadOnlySpan<float> logits = user is not null && user.Logits.Length == Prototypes.Length ? user.Logits : PriorLogits;
        TensorPrimitives.SoftMax(logits, alpha);
    }

    /// <summary>Serializes the model (little-endian, versioned).</summary>
    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream))
        {
            writer.Write(FormatVersion);
            writer.Write(EmbeddingDimensions);
            writer.Write(Prototypes.Length);
            writer.Write(SkewRank);
            writer.Write(PrototypeDimensions);
            writer.Write(TrainedComparisons);
            writer.Write(TrainedUsers);
            writer.Write(Temperature);
            Write(writer, Base);
            foreach (float[] p in Prototypes)
            {
                Write(writer, p);
            }

            Write(writer, PriorLogits);
            Write(writer, Skew);
            Write(writer, BiasPrecision);
        }

        return stream.ToArray();
    }

    /// <summary>Reads a model written by <see cref="ToBytes"/>.</summary>
    /// <exception cref="PenchantException">The payload is not a model this version understands.</exception>
    public static RewardModel FromBytes(ReadOnlySpan<byte> bytes)
    {
        using var stream = new MemoryStream(bytes.ToArray(), writable: false);
        using var reader = new BinaryReader(stream);
        try
        {
            int format = reader.ReadInt32();
            if (format is < 1 or > FormatVersion)
            {
                throw new PenchantException($"The stored ranking model has format {format}; this version reads formats 1 to {FormatVersion}. Retrain it with TrainAsync.");
            }

            int embedding = reader.ReadInt32(), prototypes = reader.ReadInt32(), skew = reader.ReadInt32();
            if (embedding is < 0 or > 65_536 || prototypes is < 0 or > 1024 || skew is < 0 or > 1024)
            {
                throw new PenchantException("The stored ranking model is malformed. Retrain it with TrainAsync.");
            }

            int dimensions = FeatureLayout.Dimensions(embedding);
            int width = format == 1 ? dimensions : reader.ReadInt32();
            if (width < SurfaceFeatures.Count || width > dimensions)
            {
                throw new PenchantException("The stored ranking model is malformed. Retrain it with TrainAsync.");
            }

            var model = new RewardModel(embedding, prototypes, skew, width)
            {
                TrainedComparisons = reader.ReadInt32(),
                TrainedUsers = reader.ReadInt32(),
                Temperature = reader.ReadDouble(),
            };
            Read(reader, model.Base);
            foreach (float[] p in model.Prototypes)
            {
                Read(reader, p);
            }

            Read(reader, model.PriorLogits);
            Read(reader, model.Skew);
            if (format >= 3)
            {
                Read(reader, model.BiasPrecision);
                if (model.BiasPrecision.Any(static p => !(p >= 0 && float.IsFinite(p))))
                {
                    throw new PenchantException("The stored ranking model is malformed. Retrain it with TrainAsync.");
                }
            }

            return model;
        }
        catch (EndOfStreamException ex)
        {
            throw new PenchantException("The stored ranking model is truncated. Retrain it with TrainAsync.", ex);
        }
    }

    private static void Write(BinaryWriter writer, float[] values)
    {
        foreach (float v in values)
        {
            writer.Write(v);
        }
    }

    private static void Read(BinaryReader reader, float[] values)
    {
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = reader.ReadSingle();
        }
    }
}
