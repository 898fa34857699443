using System.Text.Json;

namespace Penchant.Language;

/// <summary>
/// The one loader of the language resources compiled into the Penchant assembly (<c>Language/Resources/*.json</c>):
/// lexicons, thesauri and seed sentences. Every resource is a JSON object whose <c>comment</c> says what it is for and
/// where it comes from (STYLE rule 18); a second language or domain pack replaces these files and this folder's
/// closed-class word lists (<see cref="Negation"/>, <see cref="NumberWords"/>, <see cref="TimeExpressions"/>,
/// <see cref="FunctionWords"/>, <see cref="Connectives"/>, <see cref="StanceCues"/>, <see cref="ReactionCues"/>, the stop words of
/// <see cref="TextTools"/>, the stemmers of <see cref="Stemmer"/>).
/// </summary>
internal static class LanguagePack
{
    /// <summary>The open-class lexicon of concepts and the kinds of requests they affect (applicability hints).</summary>
    public const string ApplicabilityLexicon = "applicability-lexicon.json";

    /// <summary>The background of ordinary requests the selection gate measures each preference's similarity against.</summary>
    public const string BackgroundRequests = "background-requests.json";

    /// <summary>The seed sentences of the turn classifier (does a turn state a lasting preference?).</summary>
    public const string ExtractionSeeds = "extraction-seeds.json";

    /// <summary>The open-class thesaurus of everyday things preferences are about, with framing, reason and stance phrases.</summary>
    public const string ObjectSynonyms = "object-synonyms.json";

    /// <summary>The seed sentences of the reaction classifier.</summary>
    public const string ReactionSeeds = "reaction-seeds.json";

    private const string Prefix = "Penchant.Language.Resources.";

    /// <summary>Gets the file names of every resource in the assembly, in ordinal order.</summary>
    public static IReadOnlyList<string> ResourceNames { get; } =
        [.. typeof(LanguagePack).Assembly.GetManifestResourceNames()
            .Where(static name => name.StartsWith(Prefix, StringComparison.Ordinal))
            .Select(static name => name[Prefix.Length..])
            .Order(StringComparer.Ordinal)];

    /// <summary>Parses a JSON resource of this folder by its file name ("applicability-lexicon.json").</summary>
    /// <param name="fileName">The file name, one of the constants of this class.</param>
    /// <returns>The parsed document; the caller disposes it.</returns>
    /// <exception cref="InvalidOperationException">The resource is not in the assembly.</exception>
    public static JsonDocument Parse(string fileName)
    {
        using Stream stream = typeof(LanguagePack).Assembly.GetManifestResourceStream(Prefix + fileName)
            ?? throw new InvalidOperationException($"The resource {fileName} is missing from the Penchant assembly.");
        return JsonDocument.Parse(stream);
    }

    /// <summary>Gets what a resource says about itself: what it is for and where it comes from (its <c>comment</c>).</summary>
    /// <param name="fileName">The file name.</param>
    /// <returns>The comment.</returns>
    /// <exception cref="InvalidOperationException">The resource is missing or says nothing about itself.</exception>
    public static string Provenance(string fileName)
    {
        using JsonDocument document = Parse(fileName);
        return document.RootElement.ValueKind == JsonValueKind.Object
            && document.RootElement.TryGetProperty("comment", out JsonElement comment)
            && comment.GetString() is { Length: > 0 } text
            ? text
            : throw new InvalidOperationException($"The resource {fileName} does not say what it is and where it comes from (a \"comment\" field).");
    }
}
