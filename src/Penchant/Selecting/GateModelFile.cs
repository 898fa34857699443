using System.Text.Json.Serialization;

namespace Penchant.Selecting;

/// <summary>The JSON form of a <see cref="GateModel"/>: the shipped <c>Selecting/Resources/gate-model.json</c> and what <c>penchant train gate</c> writes.</summary>
internal sealed class GateModelFile
{
    /// <summary>Gets or sets where the model comes from: the data, the split and the command that fitted it.</summary>
    [JsonPropertyName("comment")]
    public string Comment { get; set; } = string.Empty;

    /// <summary>Gets or sets the names of the fitted features (see <see cref="GateFeatures.Names"/>).</summary>
    [JsonPropertyName("features")]
    public List<string> Features { get; set; } = [];

    /// <summary>Gets or sets one weight per feature.</summary>
    [JsonPropertyName("weights")]
    public List<double> Weights { get; set; } = [];

    [JsonPropertyName("bias")]
    public double Bias { get; set; }

    /// <summary>Gets or sets the slope of the Platt scaling fitted on out-of-fold logits.</summary>
    [JsonPropertyName("platt_slope")]
    public double PlattSlope { get; set; } = 1;

    /// <summary>Gets or sets the intercept of the Platt scaling.</summary>
    [JsonPropertyName("platt_intercept")]
    public double PlattIntercept { get; set; }

    /// <summary>Gets or sets the calibrated probability at or above which a preference applies (the best out-of-fold F1).</summary>
    [JsonPropertyName("threshold")]
    public double Threshold { get; set; } = 0.5;

    /// <summary>Gets or sets how many labelled pairs the model was fitted on.</summary>
    [JsonPropertyName("pairs")]
    public int Pairs { get; set; }

    /// <summary>Gets or sets how many of them apply.</summary>
    [JsonPropertyName("positives")]
    public int Positives { get; set; }

    /// <summary>Gets or sets the expected calibration error of the out-of-fold probabilities.</summary>
    [JsonPropertyName("oof_ece")]
    public double OutOfFoldEce { get; set; }
}

/// <summary>Source-generated JSON for <see cref="GateModelFile"/>.</summary>
[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(GateModelFile))]
internal sealed partial class GateModelJsonContext : JsonSerializerContext;
