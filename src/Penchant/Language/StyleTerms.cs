using System.Collections.Frozen;

namespace Penchant.Language;

/// <summary>
/// Closed-class words that name a measurable property of a text's form rather than its content, in English: its length
/// ("short", "brief", "detailed"), emoji, lists, headings, questions, exclamations, code and register ("formal",
/// "casual"). Hand-written for Penchant from general writing vocabulary; they hold no word of any evaluation set. A
/// preference whose object is one of these ("no emojis", "keep it short", "avoid bullet points") is kept or broken by
/// what a candidate measurably is, not by what it is about.
/// </summary>
internal static class StyleTerms
{
    /// <summary>The surface factor a word names, in the order of the ranking's surface features, and which way the word points along it.</summary>
    /// <param name="Factor">The index of the surface factor (see <c>Penchant.Ranking.SurfaceFeatures.Names</c>).</param>
    /// <param name="Direction">+1 when the word names more of the factor ("long", "emoji"), −1 when less ("short").</param>
    public readonly record struct StyleTerm(int Factor, int Direction);

    // Surface factor indexes, as in SurfaceFeatures: length 0, lists 1, headings 2, emoji 3, questions 4, code 5, formality 6,
    // exclamations 8.
    private static readonly FrozenDictionary<string, StyleTerm> Terms = new Dictionary<string, StyleTerm>(StringComparer.Ordinal)
    {
        ["short"] = new(0, -1), ["shorter"] = new(0, -1), ["brief"] = new(0, -1), ["briefer"] = new(0, -1), ["briefly"] = new(0, -1),
        ["concise"] = new(0, -1), ["succinct"] = new(0, -1), ["terse"] = new(0, -1), ["brevity"] = new(0, -1), ["minimal"] = new(0, -1),
        ["long"] = new(0, 1), ["longer"] = new(0, 1), ["lengthy"] = new(0, 1), ["verbose"] = new(0, 1), ["wordy"] = new(0, 1),
        ["detailed"] = new(0, 1), ["elaborate"] = new(0, 1), ["thorough"] = new(0, 1), ["exhaustive"] = new(0, 1), ["rambling"] = new(0, 1),
        ["list"] = new(1, 1), ["lists"] = new(1, 1), ["bullet"] = new(1, 1), ["bullets"] = new(1, 1), ["bulleted"] = new(1, 1),
        ["heading"] = new(2, 1), ["headings"] = new(2, 1), ["header"] = new(2, 1), ["headers"] = new(2, 1),
        ["emoji"] = new(3, 1), ["emojis"] = new(3, 1), ["emoticon"] = new(3, 1), ["emoticons"] = new(3, 1), ["smiley"] = new(3, 1), ["smileys"] = new(3, 1),
        ["question"] = new(4, 1), ["questions"] = new(4, 1),
        ["code"] = new(5, 1), ["snippet"] = new(5, 1), ["snippets"] = new(5, 1),
        ["formal"] = new(6, 1), ["professional"] = new(6, 1), ["casual"] = new(6, -1), ["informal"] = new(6, -1), ["chatty"] = new(6, -1), ["slang"] = new(6, -1),
        ["exclamation"] = new(8, 1), ["exclamations"] = new(8, 1),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // Words that may stand beside a style word without making the object about content ("short answers", "emojis in messages").
    private static readonly FrozenSet<string> Carriers = FrozenSet.Create(
        StringComparer.Ordinal,
        [
            "answer", "answers", "reply", "replies", "response", "responses", "message", "messages", "text", "texts", "writing", "tone",
            "style", "it", "them", "things", "points", "point", "marks", "mark", "sentences", "paragraphs", "explanations", "format",
            "formatting", "language", "words", "email", "emails", "note", "notes", "post", "posts", "summary", "summaries", "output",
        ]);

    /// <summary>Finds the first style word among some lower-case words.</summary>
    /// <param name="words">The words of a preference's object, lower-case.</param>
    /// <param name="term">The style term found.</param>
    /// <param name="onlyStyle">Whether every word is a style word or a word that carries one ("short answers"), so the object names form alone.</param>
    /// <returns><see langword="true"/> when a style word is among the words.</returns>
    public static bool TryFind(IReadOnlyList<string> words, out StyleTerm term, out bool onlyStyle)
    {
        term = default;
        onlyStyle = true;
        bool found = false;
        foreach (string word in words)
        {
            if (!found && Terms.TryGetValue(word, out StyleTerm t))
            {
                term = t;
                found = true;
            }
            else if (!Terms.ContainsKey(word) && !Carriers.Contains(word))
            {
                onlyStyle = false;
            }
        }

        onlyStyle &= found;
        return found;
    }
}
