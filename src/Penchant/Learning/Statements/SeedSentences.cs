using System.Text.Json;
using Penchant.Language;

namespace Penchant.Learning.Statements;

/// <summary>Reads the hand-written seed sentences the turn classifier is trained on.</summary>
internal static class SeedSentences
{
    public static (string[] Positive, string[] Negative) Load()
    {
        using JsonDocument document = LanguagePack.Parse(LanguagePack.ExtractionSeeds);
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
