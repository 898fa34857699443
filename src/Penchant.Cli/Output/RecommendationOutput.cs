using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Penchant.Recommending;

namespace Penchant.Cli.Output;

/// <summary>Writes next-item recommendations and the next-item model's training report, as text or JSON.</summary>
internal static class RecommendationOutput
{
    /// <summary>Writes the recommended items, best first: one line each with its score, or JSON <c>{"items": [{"item", "score"}]}</c>.</summary>
    public static void WriteItems(TextWriter output, IReadOnlyList<NextItem> items, bool json)
    {
        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize(new RecommendationList(items), RecommendationCliJsonContext.Default.RecommendationList));
            return;
        }

        if (items.Count == 0)
        {
            output.WriteLine("no recommendations: the tenant's next-item model is not trained yet (penchant recommend train), or knows none of the user's choices");
            return;
        }

        int position = 1;
        foreach (NextItem item in items)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{position++}. score={item.Score:0.0000}  {item.Item}"));
        }
    }

    /// <summary>Writes what training saw and saved.</summary>
    public static void WriteTraining(TextWriter output, SequenceTrainingReport report, bool json)
    {
        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize(report, RecommendationCliJsonContext.Default.SequenceTrainingReport));
            return;
        }

        output.WriteLine(report.Choices == 0
            ? "nothing to train on: no choices in the tenant's logs"
            : string.Create(CultureInfo.InvariantCulture, $"trained next-item model version {report.Version}: users={report.Users} items={report.Items} choices={report.Choices} links={report.Links}"));
    }
}

/// <summary>The recommended items, as JSON output.</summary>
/// <param name="Items">The items, best first.</param>
internal sealed record RecommendationList(IReadOnlyList<NextItem> Items);

/// <summary>Source-generated JSON for recommendation output.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(RecommendationList))]
[JsonSerializable(typeof(SequenceTrainingReport))]
internal sealed partial class RecommendationCliJsonContext : JsonSerializerContext;
