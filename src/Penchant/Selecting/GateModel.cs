using System.Text.Json;
using Penchant.Numerics;

namespace Penchant.Selecting;

/// <summary>
/// The selection gate's model: a logistic regression over the fitted <see cref="GateFeatures"/>, Platt-scaled so that its
/// probabilities are calibrated, and the threshold at which a preference applies. Fitted by <see cref="GateTrainer"/>;
/// the default is the shipped resource <c>Selecting/Resources/gate-model.json</c>, whose <c>comment</c> records the data,
/// the split and the command that produced it (<c>penchant train gate</c>, see <c>eval/README.md</c>).
/// </summary>
/// <remarks>
/// The vetoes (<see cref="GateFeatures.Overridden"/>, <see cref="GateFeatures.OutOfScope"/>) are not fitted: they decide a
/// pair whatever the model says, since an explicit override must win. How a user took the answers a preference was applied
/// to is not a feature either: each user's outcomes refine this model's log-odds for that user
/// (<see cref="Learning.Gating.GateRefinement"/>). The features are similarities in the space of the embedding model, so
/// another model needs the gate refitted.
/// Immutable and thread-safe.
/// </remarks>
internal sealed class GateModel
{
    /// <summary>The log-odds of a vetoed pair.</summary>
    private const double VetoLogit = -12.0;

    private const string ResourceName = "Penchant.Selecting.Resources.gate-model.json";

    private static readonly Lazy<GateModel> Shipped = new(LoadShipped);

    private readonly double[] _weights;

    /// <summary>Initializes a new instance of the <see cref="GateModel"/> class.</summary>
    /// <param name="weights">One weight per name of <see cref="GateFeatures.Names"/>.</param>
    /// <param name="bias">The bias.</param>
    /// <param name="plattSlope">The slope of the Platt scaling.</param>
    /// <param name="plattIntercept">The intercept of the Platt scaling.</param>
    /// <param name="threshold">The probability at or above which a preference applies.</param>
    /// <exception cref="ArgumentException">The weights do not match the features.</exception>
    public GateModel(IReadOnlyList<double> weights, double bias, double plattSlope, double plattIntercept, double threshold)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Count != GateFeatures.Names.Length)
        {
            throw new ArgumentException($"The gate needs {GateFeatures.Names.Length} weights ({string.Join(", ", GateFeatures.Names)}), not {weights.Count}.", nameof(weights));
        }

        _weights = [.. weights];
        Bias = bias;
        PlattSlope = plattSlope;
        PlattIntercept = plattIntercept;
        Threshold = threshold;
    }

    /// <summary>Gets the shipped model.</summary>
    public static GateModel Default => Shipped.Value;

    /// <summary>Gets the weights, in the order of <see cref="GateFeatures.Names"/>.</summary>
    public IReadOnlyList<double> Weights => _weights;

    public double Bias { get; }

    public double PlattSlope { get; }

    public double PlattIntercept { get; }

    /// <summary>Gets the calibrated probability at or above which a preference applies.</summary>
    public double Threshold { get; }

    /// <summary>Gets the uncalibrated log-odds of the fitted features alone (what Platt scaling is fitted on).</summary>
    /// <param name="f">The features.</param>
    /// <returns>The raw logit.</returns>
    public double RawLogit(in GateFeatures f)
    {
        Span<double> x = stackalloc double[GateFeatures.Names.Length];
        f.CopyTo(x);
        double z = Bias;
        for (int i = 0; i < x.Length; i++)
        {
            z += _weights[i] * x[i];
        }

        return z;
    }

    /// <summary>Gets the calibrated log-odds that the preference applies: Platt-scaled, with the vetoes.</summary>
    /// <param name="f">The features.</param>
    /// <returns>The log-odds.</returns>
    public double Logit(in GateFeatures f) =>
        f.IsVetoed ? VetoLogit : (PlattSlope * RawLogit(f)) + PlattIntercept;

    /// <summary>Gets the calibrated probability that the preference applies.</summary>
    /// <param name="f">The features.</param>
    /// <returns>The probability.</returns>
    public double Probability(in GateFeatures f) => Logistic.Sigmoid(Logit(f));

    /// <summary>Reads a model from its JSON form.</summary>
    /// <param name="file">The parsed file.</param>
    /// <returns>The model.</returns>
    /// <exception cref="InvalidDataException">The file weighs a feature the gate does not have, or not one weight per feature.</exception>
    public static GateModel FromFile(GateModelFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.Weights.Count != file.Features.Count || file.Features.Distinct(StringComparer.Ordinal).Count() != file.Features.Count)
        {
            throw new InvalidDataException($"A gate model needs one weight per feature, each named once; this one has {file.Weights.Count} weights for {file.Features.Count} features.");
        }

        // Weights are matched by name: a feature the file does not weigh counts 0, so an older model still reads.
        var weights = new double[GateFeatures.Names.Length];
        for (int i = 0; i < file.Features.Count; i++)
        {
            int index = Array.IndexOf(GateFeatures.Names, file.Features[i]);
            if (index < 0)
            {
                throw new InvalidDataException($"A gate model weighs features among {string.Join(", ", GateFeatures.Names)}; this one weighs the unknown \"{file.Features[i]}\".");
            }

            weights[index] = file.Weights[i];
        }

        return new GateModel(weights, file.Bias, file.PlattSlope, file.PlattIntercept, file.Threshold);
    }

    /// <summary>Writes the model in its JSON form.</summary>
    /// <param name="comment">Where it comes from.</param>
    /// <param name="pairs">How many pairs it was fitted on.</param>
    /// <param name="positives">How many of them apply.</param>
    /// <param name="outOfFoldEce">The expected calibration error of its out-of-fold probabilities.</param>
    /// <returns>The file.</returns>
    public GateModelFile ToFile(string comment, int pairs, int positives, double outOfFoldEce) => new()
    {
        Comment = comment,
        Features = [.. GateFeatures.Names],
        Weights = [.. _weights.Select(static w => Math.Round(w, 5))],
        Bias = Math.Round(Bias, 5),
        PlattSlope = Math.Round(PlattSlope, 5),
        PlattIntercept = Math.Round(PlattIntercept, 5),
        Threshold = Math.Round(Threshold, 3),
        Pairs = pairs,
        Positives = positives,
        OutOfFoldEce = Math.Round(outOfFoldEce, 4),
    };

    /// <summary>Parses a model file.</summary>
    /// <param name="stream">The JSON.</param>
    /// <returns>The model.</returns>
    /// <exception cref="InvalidDataException">The JSON is not a gate model.</exception>
    public static GateModel Read(Stream stream)
    {
        try
        {
            GateModelFile file = JsonSerializer.Deserialize(stream, GateModelJsonContext.Default.GateModelFile)
                ?? throw new InvalidDataException("A gate model file holds null.");
            return FromFile(file);
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"A gate model file is not valid JSON: {exception.Message}", exception);
        }
    }

    private static GateModel LoadShipped()
    {
        using Stream stream = typeof(GateModel).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The resource {ResourceName} is missing from the Penchant assembly.");
        return Read(stream);
    }
}
