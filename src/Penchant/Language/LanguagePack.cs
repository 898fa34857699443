using System.Text.Json;

namespace Penchant.Language;

/// <summary>The JSON resources compiled into the Penchant assembly (lexicons, thesauri, seed sentences).</summary>
internal static class EmbeddedResource
{
    /// <summary>Parses a JSON resource of this folder by its file name ("applicability-lexicon.json").</summary>
    /// <exception cref="InvalidOperationException">The resource is not in the assembly.</exception>
    public static JsonDocument Parse(string fileName)
    {
        using Stream stream = typeof(EmbeddedResource).Assembly.GetManifestResourceStream($"Penchant.Language.Resources.{fileName}")
            ?? throw new InvalidOperationException($"The resource {fileName} is missing from the Penchant assembly.");
        return JsonDocument.Parse(stream);
    }
}
