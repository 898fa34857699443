using System.Text;
using System.Text.Json;
using Penchant.Numerics;
using Penchant.Signals;

namespace Penchant.Learning.Feedback;

/// <summary>
/// The trained weights of <see cref="LearnedReactionClassifier"/>: a multinomial logistic regression over
/// <see cref="ReactionFeatures"/> for one embedding model, with the provenance of its training (the command, the cases
/// file and split, their count and hash). The shipped model is <c>Learning/Feedback/Models/reaction-model.json</c>,
/// written by <c>penchant train reactions</c>.
/// </summary>
internal sealed class ReactionModel
{
    /// <summary>The file name of the shipped model.</summary>
    public const string FileName = "reaction-model.json";

    /// <summary>The classes in the order of the model's rows.</summary>
    public static readonly ReactionLabel[] Labels = [ReactionLabel.Satisfied, ReactionLabel.Dissatisfied, ReactionLabel.Neutral];

    private static readonly Lazy<ReactionModel?> Shipped = new(LoadShipped);

    /// <summary>Initializes a new instance of the <see cref="ReactionModel"/> class.</summary>
    public ReactionModel(string embeddingModel, int dimensions, MultinomialLogistic regression, string provenance)
    {
        if (regression.Features != ReactionFeatures.Count(dimensions) || regression.Classes != Labels.Length)
        {
            throw new InvalidOperationException(
                $"The reaction model has {regression.Features} features and {regression.Classes} classes; this build reads {ReactionFeatures.Count(dimensions)} and {Labels.Length}. Retrain it with 'penchant train reactions'.");
        }

        EmbeddingModel = embeddingModel;
        Dimensions = dimensions;
        Regression = regression;
        Provenance = provenance;
    }

    /// <summary>Gets the shipped model, or <see langword="null"/> when the assembly holds none.</summary>
    public static ReactionModel? Default => Shipped.Value;

    /// <summary>Gets the id of the embedding model whose vectors the weights read.</summary>
    public string EmbeddingModel { get; }

    /// <summary>Gets the embedding's number of components.</summary>
    public int Dimensions { get; }

    /// <summary>Gets the regression.</summary>
    public MultinomialLogistic Regression { get; }

    /// <summary>Gets how the model was trained: the command, the data and its hash.</summary>
    public string Provenance { get; }

    /// <summary>Reads a model written by <see cref="Write"/>.</summary>
    /// <exception cref="InvalidOperationException">The model is malformed or does not fit this build's features.</exception>
    public static ReactionModel Read(Stream stream)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(stream);
            JsonElement root = document.RootElement;
            int dimensions = root.GetProperty("dimensions").GetInt32();
            List<double> weights = [];
            foreach (JsonElement row in root.GetProperty("weights").EnumerateArray())
            {
                weights.AddRange(row.EnumerateArray().Select(static v => v.GetDouble()));
            }

            var regression = new MultinomialLogistic(Labels.Length, ReactionFeatures.Count(dimensions), [.. weights]);
            return new ReactionModel(root.GetProperty("embeddingModel").GetString()!, dimensions, regression, root.GetProperty("provenance").GetString() ?? string.Empty);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or ArgumentException)
        {
            throw new InvalidOperationException("The reaction model is malformed: " + e.Message, e);
        }
    }

    /// <summary>Writes the model as JSON: provenance, embedding model, feature names and one row of weights per class (bias last).</summary>
    public void Write(Stream stream)
    {
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        writer.WriteStartObject();
        writer.WriteString("comment", "Weights of the learned reaction classifier (multinomial logistic regression over the follow-up's MiniLM embedding, its similarity to the request and answer, and the closed-class cues of Language/ReactionCues). Written by the command in 'provenance'; never edited by hand.");
        writer.WriteString("provenance", Provenance);
        writer.WriteString("embeddingModel", EmbeddingModel);
        writer.WriteNumber("dimensions", Dimensions);
        writer.WriteStartArray("classes");
        foreach (ReactionLabel label in Labels)
        {
            writer.WriteStringValue(label.ToString().ToLowerInvariant());
        }

        writer.WriteEndArray();
        writer.WriteStartArray("cueFeatures");
        foreach (string name in ReactionFeatures.CueNames)
        {
            writer.WriteStringValue(name);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("weights");
        int stride = Regression.Features + 1;
        for (int k = 0; k < Regression.Classes; k++)
        {
            writer.WriteStartArray();
            foreach (double w in Regression.Weights.Slice(k * stride, stride))
            {
                writer.WriteNumberValue(Math.Round(w, 5));
            }

            writer.WriteEndArray();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>Gets the model as JSON text.</summary>
    public override string ToString()
    {
        using var stream = new MemoryStream();
        Write(stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static ReactionModel? LoadShipped()
    {
        using Stream? stream = typeof(ReactionModel).Assembly.GetManifestResourceStream("Penchant.Learning.Feedback.Models." + FileName);
        return stream is null ? null : Read(stream);
    }
}
