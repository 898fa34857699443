using System.Text.Json;

namespace Penchant.Conventions;

/// <summary>
/// Hand-written resources hold closed-class language only, never evaluation items: no phrase of three or more words in
/// <c>src/Penchant/Language/Resources/*.json</c> occurs verbatim (case and punctuation aside) in <c>eval/</c> or in the public
/// evaluation data (<c>PENCHANT_DATA</c>, else <c>../shared/data</c> beside the repository; the test says it was skipped
/// when they are absent).
/// </summary>
public sealed class ResourcePhraseTests
{
    private const int MinimumWords = 3;

    [Fact]
    public void Resources_ShareNoPhraseOfThreeOrMoreWordsWithTheRepositorysEvaluationSets() =>
        AssertNoSharedPhrase(Path.Combine(Repository.Root, "eval"));

    [Fact]
    public void Resources_ShareNoPhraseOfThreeOrMoreWordsWithThePublicEvaluationData()
    {
        string data = PublicData();
        Assert.SkipUnless(
            Directory.Exists(data),
            $"The public evaluation data are not at {data}: set PENCHANT_DATA to the folder that holds them (../shared/data beside the repository by default).");
        AssertNoSharedPhrase(data);
    }

    // The public data sets: PENCHANT_DATA when set, else ../shared/data beside the repository (as the --data options default).
    private static string PublicData() =>
        Environment.GetEnvironmentVariable("PENCHANT_DATA") is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Path.GetFullPath(Path.Combine(Repository.Root, "..", "shared", "data"));

    private static void AssertNoSharedPhrase(string corpus)
    {
        string evaluation = Repository.NormalizedCorpus(corpus);

        var found = new List<string>();
        foreach (string file in Directory.EnumerateFiles(Path.Combine(Repository.Root, "src", "Penchant", "Language", "Resources"), "*.json"))
        {
            using JsonDocument document = JsonDocument.Parse(File.ReadAllText(file));
            foreach (string phrase in Strings(document.RootElement).Distinct(StringComparer.Ordinal))
            {
                string normalized = Repository.Normalize(phrase);
                if (Repository.Words(normalized) >= MinimumWords && evaluation.Contains(" " + normalized + " ", StringComparison.Ordinal))
                {
                    found.Add($"{Path.GetFileName(file)}: {phrase}");
                }
            }
        }

        Assert.True(found.Count == 0, $"Resource phrases found verbatim in {corpus}:\n" + string.Join("\n", found));
    }

    [Theory]
    [InlineData("Don't   SHOUT, please!", "don't shout please")]
    [InlineData("one-two\nthree", "one two three")]
    public void Normalize_KeepsWordsAndApostrophesOnly(string text, string expected) => Assert.Equal(expected, Repository.Normalize(text));

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
}
