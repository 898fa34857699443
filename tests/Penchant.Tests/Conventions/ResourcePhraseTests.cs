using System.Text;
using System.Text.Json;

namespace Penchant.Conventions;

/// <summary>
/// Hand-written resources hold closed-class language only, never evaluation items: no phrase of three or more words in
/// <c>src/Penchant/Language/Resources/*.json</c> occurs verbatim (case and punctuation aside) in <c>eval/</c> or in the public
/// evaluation data beside the repository (<c>../shared/data</c>, when present).
/// </summary>
public sealed class ResourcePhraseTests
{
    private const int MinimumWords = 3;

    [Fact]
    public void Resources_ShareNoPhraseOfThreeOrMoreWordsWithEvaluationData()
    {
        string root = RepositoryRoot();
        string[] corpora = [Path.Combine(root, "eval"), Path.GetFullPath(Path.Combine(root, "..", "shared", "data"))];
        string evaluation = " " + string.Join(" | ", corpora.Where(Directory.Exists).SelectMany(static d => Directory.EnumerateFiles(d, "*", SearchOption.AllDirectories)).Select(static f => Normalize(File.ReadAllText(f)))) + " ";

        var found = new List<string>();
        foreach (string file in Directory.EnumerateFiles(Path.Combine(root, "src", "Penchant", "Language", "Resources"), "*.json"))
        {
            using JsonDocument document = JsonDocument.Parse(File.ReadAllText(file));
            foreach (string phrase in Strings(document.RootElement).Distinct(StringComparer.Ordinal))
            {
                string normalized = Normalize(phrase);
                if (normalized.Count(static c => c == ' ') + 1 >= MinimumWords && evaluation.Contains(" " + normalized + " ", StringComparison.Ordinal))
                {
                    found.Add($"{Path.GetFileName(file)}: {phrase}");
                }
            }
        }

        Assert.True(found.Count == 0, "Resource phrases found verbatim in evaluation data:\n" + string.Join("\n", found));
    }

    [Theory]
    [InlineData("Don't   SHOUT, please!", "don't shout please")]
    [InlineData("one-two\nthree", "one two three")]
    public void Normalize_KeepsWordsAndApostrophesOnly(string text, string expected) => Assert.Equal(expected, Normalize(text));

    // Lower case, words of letters, digits and apostrophes, one space between them.
    private static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        bool space = false;
        foreach (char c in text)
        {
            if (char.IsLetterOrDigit(c) || c == '\'')
            {
                if (space && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                builder.Append(char.ToLowerInvariant(c));
                space = false;
            }
            else
            {
                space = true;
            }
        }

        return builder.ToString();
    }

    private static IEnumerable<string> Strings(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                yield return element.GetString()!;
                break;
            case JsonValueKind.Array:
                foreach (JsonElement item in element.EnumerateArray())
                {
                    foreach (string s in Strings(item))
                    {
                        yield return s;
                    }
                }

                break;
            case JsonValueKind.Object:
                foreach (JsonProperty property in element.EnumerateObject())
                {
                    yield return property.Name;
                    foreach (string s in Strings(property.Value))
                    {
                        yield return s;
                    }
                }

                break;
        }
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Penchant.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"Penchant.slnx not found above {AppContext.BaseDirectory}.");
    }
}
