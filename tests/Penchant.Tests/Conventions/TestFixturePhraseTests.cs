using System.Text.RegularExpressions;

namespace Penchant.Conventions;

/// <summary>
/// Tests use fixtures written for them, never evaluation items: no string literal of six or more words in the test
/// projects occurs verbatim (case and punctuation aside) in the repository's evaluation sets (the cases of <c>eval/</c>). A test that
/// shares a sentence with an evaluation case would pass because the model was tuned to it, and tuning to a test would
/// move the evaluation figure.
/// </summary>
public sealed partial class TestFixturePhraseTests
{
    private const int MinimumWords = 6;

    [Fact]
    public void TestLiterals_ShareNoSentenceWithTheEvaluationSets()
    {
        string root = Repository.Root;
        string evaluation = Repository.NormalizedCorpus(Path.Combine(root, "eval"), "*.jsonl");

        var found = new List<string>();
        foreach (string file in Directory.EnumerateFiles(Path.Combine(root, "tests"), "*.cs", SearchOption.AllDirectories))
        {
            if (file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ||
                file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (Match literal in StringLiteral().Matches(File.ReadAllText(file)))
            {
                string normalized = Repository.Normalize(literal.Groups["text"].Value);
                if (Repository.Words(normalized) >= MinimumWords && evaluation.Contains(" " + normalized + " ", StringComparison.Ordinal))
                {
                    found.Add($"{Path.GetRelativePath(root, file)}: {literal.Groups["text"].Value}");
                }
            }
        }

        Assert.True(found.Count == 0, "Test literals found verbatim in eval/:\n" + string.Join("\n", found));
    }

    [Fact]
    public void StringLiteral_FindsPlainLiteralsWithEscapedQuotes()
    {
        string[] found = [.. StringLiteral().Matches("""x("one \"two\" three", "four")""").Select(static m => m.Groups["text"].Value)];

        Assert.Equal(["one \\\"two\\\" three", "four"], found);
    }

    [GeneratedRegex("""
        "(?<text>(?:[^"\\\r\n]|\\.)*)"
        """)]
    private static partial Regex StringLiteral();
}
