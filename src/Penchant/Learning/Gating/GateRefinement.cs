using System.Buffers.Binary;
using System.Text;
using Penchant.Numerics;

namespace Penchant.Learning.Gating;

/// <summary>
/// A user's refinement of the shipped selection gate, learned from the outcomes the engine records (an applied preference
/// whose answer was accepted or rejected): a Platt-style recalibration of the gate's calibrated log-odds <c>z</c>,
/// <c>a·z + b</c>, plus an offset <c>δ</c> per preference, fitted by maximum a posteriori with Gaussian priors centred on
/// the shipped model (<c>a = 1</c>, <c>b = 0</c>, <c>δ = 0</c>). With no outcome it is the identity; a few outcomes move
/// it a little, many move it as far as they say.
/// </summary>
/// <remarks>
/// Immutable and thread-safe. It keeps the last <see cref="Capacity"/> outcomes (identifiers and numbers, never text) and is
/// refitted from them whenever one is added, so it is a function of the user's log and a replay rebuilds it. Stored as the
/// user's model part <see cref="ModelName"/>.
/// </remarks>
internal sealed class GateRefinement
{
    /// <summary>The name of the user's model part.</summary>
    public const string ModelName = "gate-refinement";

    /// <summary>How many of the most recent outcomes are kept and fitted.</summary>
    public const int Capacity = 256;

    /// <summary>The prior standard deviation of the slope around 1.</summary>
    public const double SlopePriorSd = 0.25;

    /// <summary>The prior standard deviation of the intercept around 0.</summary>
    public const double InterceptPriorSd = 0.5;

    /// <summary>The prior standard deviation of a preference's offset around 0.</summary>
    public const double OffsetPriorSd = 1.0;

    private const byte FormatVersion = 1;
    private const int Iterations = 40;

    private readonly GateOutcome[] _outcomes;
    private readonly Dictionary<string, double> _offsets;

    private GateRefinement(GateOutcome[] outcomes, double slope, double intercept, Dictionary<string, double> offsets)
    {
        _outcomes = outcomes;
        Slope = slope;
        Intercept = intercept;
        _offsets = offsets;
    }

    /// <summary>Gets the refinement of a user with no outcome: the shipped gate unchanged.</summary>
    public static GateRefinement None { get; } = new([], 1, 0, new Dictionary<string, double>(StringComparer.Ordinal));

    /// <summary>Gets the slope on the shipped gate's log-odds.</summary>
    public double Slope { get; }

    /// <summary>Gets the intercept added to them.</summary>
    public double Intercept { get; }

    /// <summary>Gets the outcomes fitted, oldest first.</summary>
    public IReadOnlyList<GateOutcome> Outcomes => _outcomes;

    /// <summary>Gets a value indicating whether the refinement changes nothing (no outcome yet).</summary>
    public bool IsIdentity => _outcomes.Length == 0;

    /// <summary>Gets the offset learned for a preference (0 for one with no outcome).</summary>
    /// <param name="preferenceId">The preference.</param>
    /// <returns>The offset in log-odds.</returns>
    public double Offset(string preferenceId) => _offsets.TryGetValue(preferenceId, out double offset) ? offset : 0;

    /// <summary>Gets the outcomes recorded for a preference.</summary>
    /// <param name="preferenceId">The preference.</param>
    /// <returns>How many.</returns>
    public int OutcomesOf(string preferenceId)
    {
        int count = 0;
        foreach (GateOutcome outcome in _outcomes)
        {
            count += string.Equals(outcome.PreferenceId, preferenceId, StringComparison.Ordinal) ? 1 : 0;
        }

        return count;
    }

    /// <summary>Refines the shipped gate's calibrated log-odds for a preference.</summary>
    /// <param name="preferenceId">The preference.</param>
    /// <param name="logit">The shipped gate's calibrated log-odds.</param>
    /// <returns>The user's log-odds.</returns>
    public double Refine(string preferenceId, double logit) =>
        IsIdentity ? logit : (Slope * logit) + Intercept + Offset(preferenceId);

    /// <summary>Adds outcomes (dropping the oldest beyond <see cref="Capacity"/>) and refits.</summary>
    /// <param name="added">The new outcomes, in the order they happened.</param>
    /// <returns>The refitted refinement.</returns>
    public GateRefinement With(IReadOnlyList<GateOutcome> added)
    {
        ArgumentNullException.ThrowIfNull(added);
        if (added.Count == 0)
        {
            return this;
        }

        GateOutcome[] all = [.. _outcomes, .. added];
        return Fit(all.Length > Capacity ? all[^Capacity..] : all);
    }

    /// <summary>Fits a refinement to outcomes: the MAP estimate under the priors, by alternating Newton steps.</summary>
    /// <param name="outcomes">The outcomes.</param>
    /// <returns>The refinement.</returns>
    public static GateRefinement Fit(GateOutcome[] outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        if (outcomes.Length == 0)
        {
            return None;
        }

        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var index = new int[outcomes.Length];
        for (int i = 0; i < outcomes.Length; i++)
        {
            if (!ids.TryGetValue(outcomes[i].PreferenceId, out int k))
            {
                k = ids.Count;
                ids.Add(outcomes[i].PreferenceId, k);
            }

            index[i] = k;
        }

        double a = 1, b = 0;
        var delta = new double[ids.Count];
        var gradient = new double[ids.Count];
        var curvature = new double[ids.Count];
        const double SlopePrecision = 1 / (SlopePriorSd * SlopePriorSd);
        const double InterceptPrecision = 1 / (InterceptPriorSd * InterceptPriorSd);
        const double OffsetPrecision = 1 / (OffsetPriorSd * OffsetPriorSd);
        for (int iteration = 0; iteration < Iterations; iteration++)
        {
            // The slope and intercept, offsets held.
            double ga = (a - 1) * SlopePrecision, gb = b * InterceptPrecision;
            double haa = SlopePrecision, hab = 0, hbb = InterceptPrecision;
            for (int i = 0; i < outcomes.Length; i++)
            {
                double z = outcomes[i].Logit;
                double p = Logistic.Sigmoid((a * z) + b + delta[index[i]]);
                double error = p - (outcomes[i].Accepted ? 1 : 0);
                double w = Math.Max(p * (1 - p), 1e-9);
                ga += error * z;
                gb += error;
                haa += w * z * z;
                hab += w * z;
                hbb += w;
            }

            double det = (haa * hbb) - (hab * hab);
            a -= ((hbb * ga) - (hab * gb)) / det;
            b -= ((haa * gb) - (hab * ga)) / det;

            // Each preference's offset, the rest held.
            for (int k = 0; k < delta.Length; k++)
            {
                gradient[k] = delta[k] * OffsetPrecision;
                curvature[k] = OffsetPrecision;
            }

            for (int i = 0; i < outcomes.Length; i++)
            {
                double p = Logistic.Sigmoid((a * outcomes[i].Logit) + b + delta[index[i]]);
                gradient[index[i]] += p - (outcomes[i].Accepted ? 1 : 0);
                curvature[index[i]] += Math.Max(p * (1 - p), 1e-9);
            }

            for (int k = 0; k < delta.Length; k++)
            {
                delta[k] -= gradient[k] / curvature[k];
            }
        }

        var offsets = new Dictionary<string, double>(ids.Count, StringComparer.Ordinal);
        foreach ((string id, int k) in ids)
        {
            offsets[id] = delta[k];
        }

        return new GateRefinement(outcomes, a, b, offsets);
    }

    /// <summary>Serializes the outcomes (the fit is recomputed on reading).</summary>
    /// <returns>The bytes.</returns>
    public byte[] ToBytes() => Write(_outcomes);

    /// <summary>
    /// Adds outcomes to stored bytes (dropping the oldest beyond <see cref="Capacity"/>) without fitting: what is stored is
    /// the outcomes, and the fit is recomputed on reading, so a writer need not fit at all. Equal to
    /// <c>FromBytes(stored).With(added).ToBytes()</c>.
    /// </summary>
    /// <param name="stored">The stored bytes (empty or of an unknown format for none).</param>
    /// <param name="added">The new outcomes, in the order they happened.</param>
    /// <returns>The bytes of the outcomes kept.</returns>
    public static byte[] Append(ReadOnlySpan<byte> stored, IReadOnlyList<GateOutcome> added)
    {
        ArgumentNullException.ThrowIfNull(added);
        GateOutcome[] all = [.. ReadOutcomes(stored), .. added];
        return Write(all.Length > Capacity ? all[^Capacity..] : all);
    }

    private static byte[] Write(GateOutcome[] outcomes)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(FormatVersion);
            writer.Write(outcomes.Length);
            foreach (GateOutcome outcome in outcomes)
            {
                writer.Write(outcome.PreferenceId);
                writer.Write(outcome.Logit);
                writer.Write(outcome.Accepted);
            }
        }

        return stream.ToArray();
    }

    /// <summary>Reads a refinement written by <see cref="ToBytes"/>.</summary>
    /// <param name="bytes">The bytes.</param>
    /// <returns>The refinement; <see cref="None"/> for bytes of an unknown format.</returns>
    public static GateRefinement FromBytes(ReadOnlySpan<byte> bytes)
    {
        GateOutcome[] outcomes = ReadOutcomes(bytes);
        return outcomes.Length == 0 ? None : Fit(outcomes);
    }

    private static GateOutcome[] ReadOutcomes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 5 || bytes[0] != FormatVersion)
        {
            return [];
        }

        int count = BinaryPrimitives.ReadInt32LittleEndian(bytes[1..]);
        using var reader = new BinaryReader(new MemoryStream(bytes.ToArray(), 5, bytes.Length - 5), Encoding.UTF8);
        var outcomes = new GateOutcome[Math.Clamp(count, 0, Capacity)];
        for (int i = 0; i < outcomes.Length; i++)
        {
            outcomes[i] = new GateOutcome(reader.ReadString(), reader.ReadDouble(), reader.ReadBoolean());
        }

        return outcomes;
    }
}
