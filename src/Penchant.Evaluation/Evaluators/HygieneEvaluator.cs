using System.Globalization;
using System.Numerics.Tensors;
using System.Text.Json;
using Penchant.Domain;
using Penchant.Learning.Statements;
using Penchant.Signals;

namespace Penchant.Evaluation.Evaluators;

/// <summary>
/// Runs the hygiene cases of <c>eval/hygiene</c>: <c>repetition.jsonl</c> (the same preferences remembered three times in
/// different words must stay one preference each) and <c>updates.jsonl</c> (a revision supersedes exactly what it revises).
/// </summary>
public static class HygieneEvaluator
{
    /// <summary>Runs the repetition and update cases of a folder, each as fresh users of the tenant.</summary>
    /// <param name="engine">The engine.</param>
    /// <param name="tenant">The tenant the evaluation users live in.</param>
    /// <param name="directory">The folder holding <c>repetition.jsonl</c> and <c>updates.jsonl</c>.</param>
    /// <param name="progress">Told the number of finished steps (the repetition test, then each update case).</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The report.</returns>
    /// <exception cref="EvaluationInputException">A file is missing or malformed.</exception>
    public static async Task<HygieneReport> RunAsync(IPenchant engine, string tenant, string directory, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        List<JsonElement> repetition = await ReadAsync(Path.Combine(directory, "repetition.jsonl"), cancellationToken);
        List<JsonElement> updates = await ReadAsync(Path.Combine(directory, "updates.jsonl"), cancellationToken);
        string run = Guid.NewGuid().ToString("N")[..8];
        int done = 0;

        UserKey repeater = UserKey.Create(tenant, $"eval-hygiene-{run}-repetition");
        List<JsonElement> groups = [.. repetition.Where(static r => r.TryGetProperty("variants", out _))];
        int wordings = groups.Count == 0 ? 0 : groups.Min(static r => r.GetProperty("variants").GetArrayLength());
        var items = new List<string>();
        var itemOfEvent = new Dictionary<string, int>(StringComparer.Ordinal);
        var textOfEvent = new Dictionary<string, string>(StringComparer.Ordinal);
        async Task RememberOneAsync(int item, string text)
        {
            WriteResult written = await engine.RememberAsync(repeater, new Statement(text), cancellationToken);
            itemOfEvent[written.Events[0].Id] = item;
            textOfEvent[written.Events[0].Id] = text;
        }

        for (int g = 0; g < groups.Count; g++)
        {
            items.Add(IdOf(groups[g], g));
        }

        for (int round = 0; round < wordings; round++)
        {
            for (int g = 0; g < groups.Count; g++)
            {
                await RememberOneAsync(g, groups[g].GetProperty("variants")[round].GetString()!);
            }
        }

        // Statements that share a situation but are about different things ("apart"): each must stay a preference of its own.
        var apart = new HashSet<int>();
        int line = 0;
        foreach (JsonElement pair in repetition.Where(static r => r.TryGetProperty("apart", out _)))
        {
            int part = 0;
            foreach (JsonElement statement in pair.GetProperty("apart").EnumerateArray())
            {
                apart.Add(items.Count);
                items.Add(IdOf(pair, groups.Count + line) + (char)('a' + part++));
                await RememberOneAsync(items.Count - 1, statement.GetString()!);
            }

            line++;
        }

        IReadOnlyList<Preference> keptPreferences = await engine.ListAsync(repeater, cancellationToken);
        int kept = keptPreferences.Count;
        List<Preference> mixed = [.. keptPreferences.Where(p => p.Sources.Select(s => itemOfEvent[s]).Distinct().Count() > 1)];
        int wrongMerges = mixed.Count;
        int apartMerged = mixed.Count(p => p.Sources.Any(s => apart.Contains(itemOfEvent[s])));
        var issues = new List<string>();
        foreach (IGrouping<int, Preference> group in keptPreferences.GroupBy(p => itemOfEvent[p.Sources[0]]).OrderBy(static g => g.Key))
        {
            List<int> sourceItems = [.. group.SelectMany(p => p.Sources.Select(s => itemOfEvent[s])).Distinct()];
            if (group.Count() > 1 || sourceItems.Count > 1)
            {
                string kind = sourceItems.Count > 1 ? "wrong merge" : "duplicate";
                issues.Add($"{kind} {items[group.Key]}: {string.Join(" | ", group.Select(static p => p.Text))}");
                foreach (Preference wrong in group.Where(mixed.Contains))
                {
                    issues.Add("  merged: " + string.Join(" | ", wrong.Sources.Select(s => $"{textOfEvent[s]} [{ObjectKey.Of(textOfEvent[s])}]")));
                }

                List<Preference> copies = [.. group];
                for (int a = 0; a < copies.Count; a++)
                {
                    for (int b = a + 1; b < copies.Count; b++)
                    {
                        issues.Add("  " + Explain(copies[a], copies[b]));
                    }
                }
            }
        }

        progress?.Report(++done);

        int correct = 0, missed = 0, unrelated = 0, merged = 0;
        for (int i = 0; i < updates.Count; i++)
        {
            JsonElement item = updates[i];
            UserKey user = UserKey.Create(tenant, $"eval-hygiene-{run}-update-{i}");
            var sources = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (JsonElement background in item.GetProperty("background").EnumerateArray())
            {
                WriteResult written = await engine.RememberAsync(user, new Statement(background.GetString()!), cancellationToken);
                sources[background.GetString()!] = written.Events[0].Id;
            }

            WriteResult update = await engine.RememberAsync(user, new Statement(item.GetProperty("new").GetString()!), cancellationToken);
            string? old = item.GetProperty("old").ValueKind == JsonValueKind.String ? sources[item.GetProperty("old").GetString()!] : null;
            HashSet<string> superseded = [.. update.Superseded.SelectMany(static p => p.Sources)];
            unrelated += superseded.Count(s => s != old);
            bool mergedAway = update.Reinforced.Count > 0;
            if (mergedAway)
            {
                merged++;
            }
            if (old is not null && !superseded.Contains(old))
            {
                missed++;
            }

            if (!mergedAway && (old is null ? superseded.Count == 0 : superseded.Count == 1 && superseded.Contains(old)))
            {
                correct++;
            }
            else
            {
                string id = IdOf(item, i);
                string what = mergedAway ? "merged into " + string.Join(" | ", update.Reinforced.Select(static p => p.Text))
                    : "superseded " + (update.Superseded.Count == 0 ? "nothing" : string.Join(" | ", update.Superseded.Select(static p => p.Text)));
                issues.Add($"update {id}: \"{item.GetProperty("new").GetString()}\" {what}");
            }

            progress?.Report(++done);
        }

        return new HygieneReport(groups.Count * wordings + apart.Count, items.Count, kept, wrongMerges, apart.Count, apartMerged, updates.Count, correct, missed, unrelated, merged, issues);
    }

    private static string IdOf(JsonElement item, int index) =>
        item.TryGetProperty("id", out JsonElement id) ? id.ToString() : index.ToString(CultureInfo.InvariantCulture);

    /// <summary>Says why two kept preferences were not merged: their similarity, polarities and what each is about.</summary>
    private static string Explain(Preference a, Preference b)
    {
        ObjectKey x = ObjectKey.Of(a.Text), y = ObjectKey.Of(b.Text);
        ObjectKey.Agreement agreement = x.CompareTo(y);
        double cosine = TensorPrimitives.Dot(a.Embedding.Span, b.Embedding.Span);
        return string.Create(CultureInfo.InvariantCulture, $"cos={cosine:0.00} polarity={a.Polarity}/{b.Polarity} object={agreement.SharedObject} word={agreement.SharedWord} clash={agreement.Clash} soft={agreement.SoftClash} [{x}] vs [{y}]");
    }

    private static async Task<List<JsonElement>> ReadAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new EvaluationInputException($"{path} does not exist; --data must name the folder holding repetition.jsonl and updates.jsonl.");
        }

        var items = new List<JsonElement>();
        int line = 0;
        foreach (string text in await File.ReadAllLinesAsync(path, cancellationToken))
        {
            line++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            try
            {
                items.Add(JsonDocument.Parse(text).RootElement.Clone());
            }
            catch (JsonException ex)
            {
                throw new EvaluationInputException($"{path}, line {line}: {ex.Message}");
            }
        }

        return items;
    }
}
