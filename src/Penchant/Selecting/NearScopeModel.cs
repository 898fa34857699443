using System.Text.Json;
using Penchant.Numerics;

namespace Penchant.Selecting;

/// <summary>
/// The learned near-scope test (C3PO's near scope): a logistic model over <see cref="NearScopeFeatures"/> that says whether a
/// request meets one qualifier of a scoped preference's situation. It is fitted on labelled (situation, request) pairs
/// written for it across many domains, kept apart from the evaluation sets (<c>training/near-scope/pairs.jsonl</c>, fitted by
/// <c>penchant eval feedback --fit-near-scope</c>); the shipped weights are <c>Selecting/Resources/near-scope-model.json</c>,
/// whose <c>comment</c> records the pairs file's SHA-256 and the command.
/// </summary>
internal sealed class NearScopeModel
{
    private const string ResourceName = "Penchant.Selecting.Resources.near-scope-model.json";

    private static readonly Lazy<NearScopeModel> Shipped = new(static () =>
    {
        using Stream stream = typeof(NearScopeModel).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The resource {ResourceName} is missing from the Penchant assembly.");
        return Read(stream);
    });

    private readonly double[] _weights;

    /// <summary>Initializes a new instance of the <see cref="NearScopeModel"/> class.</summary>
    /// <param name="weights">One weight per name of <see cref="NearScopeFeatures.Names"/>.</param>
    /// <param name="bias">The bias.</param>
    /// <param name="threshold">The probability below which a qualifier is not met.</param>
    /// <exception cref="ArgumentException">The weights do not match the features.</exception>
    public NearScopeModel(IReadOnlyList<double> weights, double bias, double threshold)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Count != NearScopeFeatures.Names.Length)
        {
            throw new ArgumentException($"The near-scope model needs {NearScopeFeatures.Names.Length} weights ({string.Join(", ", NearScopeFeatures.Names)}), not {weights.Count}.", nameof(weights));
        }

        _weights = [.. weights];
        Bias = bias;
        Threshold = threshold;
    }

    /// <summary>Gets the shipped model.</summary>
    public static NearScopeModel Default => Shipped.Value;

    /// <summary>Gets the bias.</summary>
    public double Bias { get; }

    /// <summary>Gets the probability below which a qualifier is not met.</summary>
    public double Threshold { get; }

    /// <summary>Gets the weights, in the order of <see cref="NearScopeFeatures.Names"/>.</summary>
    public IReadOnlyList<double> Weights => _weights;

    /// <summary>Gets the model a setting names (see <see cref="PenchantOptions.NearScopeModel"/>).</summary>
    /// <param name="setting"><c>"shipped"</c>, a model file's path, or <see langword="null"/> or <c>"off"</c> for none.</param>
    /// <returns>The model, or <see langword="null"/> for none.</returns>
    public static NearScopeModel? FromSetting(string? setting)
    {
        if (string.IsNullOrWhiteSpace(setting) || setting == "off")
        {
            return null;
        }

        if (setting == "shipped")
        {
            return Default;
        }

        using FileStream stream = File.OpenRead(setting);
        return Read(stream);
    }

    /// <summary>The probability that a request meets a qualifier.</summary>
    /// <param name="features">The features (see <see cref="NearScopeFeatures.Measure"/>).</param>
    /// <returns>The probability.</returns>
    public double Probability(ReadOnlySpan<double> features)
    {
        double z = Bias;
        for (int i = 0; i < _weights.Length; i++)
        {
            z += _weights[i] * features[i];
        }

        return Logistic.Sigmoid(z);
    }

    /// <summary>Reads a model file; features it does not name weigh 0.</summary>
    /// <param name="stream">The JSON.</param>
    /// <returns>The model.</returns>
    /// <exception cref="InvalidDataException">The file is not a near-scope model.</exception>
    public static NearScopeModel Read(Stream stream)
    {
        NearScopeModelFile file = JsonSerializer.Deserialize(stream, NearScopeModelJsonContext.Default.NearScopeModelFile)
            ?? throw new InvalidDataException("The near-scope model file is empty.");
        if (file.Features.Count != file.Weights.Count)
        {
            throw new InvalidDataException("The near-scope model file needs one weight per feature.");
        }

        var weights = new double[NearScopeFeatures.Names.Length];
        for (int i = 0; i < file.Features.Count; i++)
        {
            int at = Array.IndexOf(NearScopeFeatures.Names, file.Features[i]);
            if (at >= 0)
            {
                weights[at] = file.Weights[i];
            }
        }

        return new NearScopeModel(weights, file.Bias, file.Threshold);
    }

    /// <summary>Writes the model with where it comes from.</summary>
    /// <param name="stream">Where to write the JSON.</param>
    /// <param name="comment">The provenance.</param>
    /// <param name="examples">How many examples it was fitted on.</param>
    /// <param name="inScope">How many of them are in scope.</param>
    public void Write(Stream stream, string comment, int examples, int inScope)
        => JsonSerializer.Serialize(stream, new NearScopeModelFile
        {
            Comment = comment,
            Features = [.. NearScopeFeatures.Names],
            Weights = [.. _weights],
            Bias = Bias,
            Threshold = Threshold,
            Examples = examples,
            InScope = inScope,
        }, NearScopeModelJsonContext.Default.NearScopeModelFile);
}
