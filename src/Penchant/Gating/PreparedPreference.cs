using Penchant.Domain;

namespace Penchant.Gating;

/// <summary>
/// A current preference with what selection reads precomputed once per user state: stems, hint and scope vectors, and how
/// close the text and each hint come to everyday requests in general (<see cref="TextCommonness"/>, <see cref="HintCommonness"/>).
/// </summary>
internal sealed class PreparedPreference(
    Preference preference, HashSet<string> stems, float[][] hintVectors, float[]? scopeVector, HashSet<string> scopeStems, float[]? chainVector,
    double textCommonness = 0, double[]? hintCommonness = null)
{
    /// <summary>How many nearest background requests <see cref="Commonness"/> averages.</summary>
    public const int BackgroundNeighbours = 5;

    public Preference Preference { get; } = preference;

    public HashSet<string> Stems { get; } = stems;

    public float[][] HintVectors { get; } = hintVectors;

    public float[]? ScopeVector { get; } = scopeVector;

    public HashSet<string> ScopeStems { get; } = scopeStems;

    public float[]? ChainVector { get; } = chainVector;

    /// <summary>Gets how similar the preference text is to everyday requests in general (see <see cref="Commonness"/>).</summary>
    public double TextCommonness { get; } = textCommonness;

    /// <summary>Gets, per hint vector, how similar it is to everyday requests in general (zeros when not measured).</summary>
    public double[] HintCommonness { get; } = hintCommonness ?? new double[hintVectors.Length];

    public string? Recipient { get; } = preference.Scope.Tags.TryGetValue("recipient", out string? r) ? r : null;

    public string? Channel { get; } = preference.Scope.Tags.TryGetValue("channel", out string? c) ? c : null;

    /// <summary>Gets the slot values the preference names (see <see cref="Contradiction"/>).</summary>
    public (int Slot, int Value)[] SlotValues { get; } = Contradiction.Values(preference.Text.ToLowerInvariant());

    /// <summary>Gets the quantities with units the preference names.</summary>
    public (string Number, string Unit)[] Quantities { get; } = Contradiction.Quantities(preference.Text.ToLowerInvariant());

    /// <summary>
    /// How similar a phrase is to requests in general: the mean cosine similarity of its vector to its
    /// <see cref="BackgroundNeighbours"/> nearest background requests. A phrase close to every request ("answering a
    /// question") says little when it is close to this one; the gate weighs similarity above this level.
    /// </summary>
    public static double Commonness(ReadOnlySpan<float> vector, float[][] background)
    {
        if (background.Length == 0)
        {
            return 0;
        }

        Span<double> top = stackalloc double[BackgroundNeighbours];
        top.Fill(double.MinValue);
        foreach (float[] request in background)
        {
            double similarity = System.Numerics.Tensors.TensorPrimitives.Dot(vector, request);
            int at = top.Length - 1;
            if (similarity <= top[at])
            {
                continue;
            }

            while (at > 0 && top[at - 1] < similarity)
            {
                top[at] = top[at - 1];
                at--;
            }

            top[at] = similarity;
        }

        int count = Math.Min(BackgroundNeighbours, background.Length);
        double sum = 0;
        for (int i = 0; i < count; i++)
        {
            sum += top[i];
        }

        return sum / count;
    }
}
