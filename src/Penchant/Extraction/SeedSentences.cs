using System.Text.Json;

namespace Penchant.Extraction;

/// <summary>Reads the hand-written seed sentences the turn classifier is trained on.</summary>
internal static class SeedSentences
{
    public static (string[] Positive, string[] Negative) Load()
    {
        using Stream stream = typeof(SeedSentences).Assembly.GetManifestResourceStream("Penchant.Resources.extraction-seeds.json")
            ?? throw new InvalidOperationException("The extraction seed resource is missing from the Penchant assembly.");
        using JsonDocument document = JsonDocument.Parse(stream);
        return (Read(document.RootElement.GetProperty("preference")), Read(document.RootElement.GetProperty("other")));

        static string[] Read(JsonElement array)
        {
            var items = new string[array.GetArrayLength()];
            int i = 0;
            foreach (JsonElement item in array.EnumerateArray())
            {
                items[i++] = item.GetString() ?? string.Empty;
            }

            return items;
        }
    }
}
