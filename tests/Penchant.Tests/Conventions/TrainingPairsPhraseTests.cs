using System.Text.Json;

namespace Penchant.Conventions;

/// <summary>
/// The labelled pairs the near-scope model is fitted on (<c>training/near-scope/pairs.jsonl</c>) were written for it and
/// share no run of six or more words with the evaluation sets: a model fitted on evaluation sentences would score itself.
/// </summary>
public sealed class TrainingPairsPhraseTests
{
    private const int MinimumWords = 6;

    [Fact]
    public void NearScopePairs_ShareNoSixWordRunWithTheEvaluationSets()
    {
        string root = Repository.Root;
        string evaluation = Repository.NormalizedCorpus(Path.Combine(root, "eval"), "*.jsonl");
        var found = new List<string>();
        foreach (string line in File.ReadLines(Path.Combine(root, "training", "near-scope", "pairs.jsonl")))
        {
            using JsonDocument pair = JsonDocument.Parse(line);
            foreach (string field in (string[])["situation", "request"])
            {
                string[] words = Repository.Normalize(pair.RootElement.GetProperty(field).GetString() ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
                for (int i = 0; i + MinimumWords <= words.Length; i++)
                {
                    string run = string.Join(' ', words[i..(i + MinimumWords)]);
                    if (evaluation.Contains(" " + run + " ", StringComparison.Ordinal))
                    {
                        found.Add($"{pair.RootElement.GetProperty("id").GetString()}: {run}");
                        break;
                    }
                }
            }
        }

        Assert.True(found.Count == 0, "Training pairs share six words with eval/:\n" + string.Join("\n", found));
    }
}
