using System.Text.Json.Serialization;

namespace Penchant.Selecting;

/// <summary>The JSON form of a <see cref="NearScopeModel"/>: the shipped <c>Selecting/Resources/near-scope-model.json</c>.</summary>
internal sealed class NearScopeModelFile
{
    /// <summary>Gets or sets where the model comes from: the pairs file, its SHA-256 and the command that fitted it.</summary>
    [JsonPropertyName("comment")]
    public string Comment { get; set; } = string.Empty;

    /// <summary>Gets or sets the names of the fitted features (see <see cref="NearScopeFeatures.Names"/>).</summary>
    [JsonPropertyName("features")]
    public List<string> Features { get; set; } = [];

    /// <summary>Gets or sets one weight per feature.</summary>
    [JsonPropertyName("weights")]
    public List<double> Weights { get; set; } = [];

    /// <summary>Gets or sets the bias.</summary>
    [JsonPropertyName("bias")]
    public double Bias { get; set; }

    /// <summary>Gets or sets the probability below which a qualifier is not met.</summary>
    [JsonPropertyName("threshold")]
    public double Threshold { get; set; } = 0.5;

    /// <summary>Gets or sets how many (qualifier, request) examples the model was fitted on.</summary>
    [JsonPropertyName("examples")]
    public int Examples { get; set; }

    /// <summary>Gets or sets how many of them are in scope.</summary>
    [JsonPropertyName("in_scope")]
    public int InScope { get; set; }
}

/// <summary>Source-generated JSON for <see cref="NearScopeModelFile"/>.</summary>
[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(NearScopeModelFile))]
internal sealed partial class NearScopeModelJsonContext : JsonSerializerContext;
