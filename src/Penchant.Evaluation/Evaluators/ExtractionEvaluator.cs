using System.Text.Json;
using Penchant.Domain;
using Penchant.Language;
using Penchant.Signals;

namespace Penchant.Evaluation.Evaluators;

/// <summary>
/// Runs the extraction cases of <c>eval/extraction/cases.jsonl</c> through the engine: each case is a fresh user who says
/// the case's earlier turns, then the turn; the preferences whose sources include the turn are what it yielded. An
/// extracted preference counts when it is exactly one expected wish: it holds at least 60% of the wish's content words and
/// no more than a third of any other wish of the turn (a bundle of two wishes is neither), and, when the wish has a scope,
/// half of the scope's content words are in the preference's scope or text.
/// </summary>
public static class ExtractionEvaluator
{
    /// <summary>The splits a run can keep.</summary>
    public static readonly string[] Splits = ["all", "tune", "holdout"];

    /// <summary>Reads a JSON Lines cases file, keeping the cases of a split.</summary>
    /// <param name="path">The file.</param>
    /// <param name="split">The split to keep, or <c>all</c>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The cases.</returns>
    /// <exception cref="EvaluationInputException">The file is missing or a line is malformed.</exception>
    public static async Task<IReadOnlyList<ExtractionCase>> ReadCasesAsync(string path, string split, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new EvaluationInputException($"The cases file {path} does not exist.");
        }

        var cases = new List<ExtractionCase>();
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
                using JsonDocument document = JsonDocument.Parse(text);
                JsonElement root = document.RootElement;
                string caseSplit = root.TryGetProperty("split", out JsonElement s) ? s.GetString() ?? "tune" : "tune";
                if (split != "all" && caseSplit != split)
                {
                    continue;
                }

                string turn = root.GetProperty("turn").GetString() is { Length: > 0 } t ? t : throw new EvaluationInputException($"{path}:{line}: the turn is empty.");
                List<string> before = root.TryGetProperty("before", out JsonElement b) ? [.. b.EnumerateArray().Select(static e => e.GetString()!)] : [];
                List<(string, string?)> wishes = [.. root.GetProperty("wishes").EnumerateArray().Select(static w =>
                    (w.GetProperty("text").GetString()!, w.TryGetProperty("scope", out JsonElement scope) ? scope.GetString() : null))];
                cases.Add(new ExtractionCase(
                    root.GetProperty("id").GetString()!,
                    root.TryGetProperty("domain", out JsonElement d) ? d.GetString()! : string.Empty,
                    root.TryGetProperty("kind", out JsonElement k) ? k.GetString()! : string.Empty,
                    before,
                    turn,
                    wishes));
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                throw new EvaluationInputException($"{path}:{line}: {e.Message}", e);
            }
        }

        return cases;
    }

    /// <summary>Runs the cases, each as a fresh user of the tenant.</summary>
    /// <param name="engine">The engine.</param>
    /// <param name="tenant">The tenant the evaluation users live in.</param>
    /// <param name="cases">The cases.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The report.</returns>
    public static async Task<ExtractionReport> RunAsync(IPenchant engine, string tenant, IReadOnlyList<ExtractionCase> cases, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(cases);
        string run = Guid.NewGuid().ToString("N")[..8];
        int extracted = 0, expected = 0, matched = 0;
        var misses = new List<(ExtractionCase, IReadOnlyList<string>)>();
        foreach (ExtractionCase c in cases)
        {
            UserKey user = UserKey.Create(tenant, $"eval-extraction-{run}-{c.Id}");
            foreach (string earlier in c.Before)
            {
                await engine.ObserveAsync(user, [new ConversationTurn(ConversationTurn.UserRole, earlier)], cancellationToken);
            }

            WriteResult written = await engine.ObserveAsync(user, [new ConversationTurn(ConversationTurn.UserRole, c.Turn)], cancellationToken);
            var ids = new HashSet<string>(written.Events.Select(static e => e.Id), StringComparer.Ordinal);
            List<Preference> got = [.. (await engine.ListAsync(user, cancellationToken)).Where(p => p.Sources.Any(ids.Contains))];
            int hits = Match(c, got);
            extracted += got.Count;
            expected += c.Wishes.Count;
            matched += hits;
            if (hits != got.Count || hits != c.Wishes.Count)
            {
                misses.Add((c, [.. got.Select(static p => p.Scope.Text is { } scope ? $"{p.Text} [scope: {scope}]" : p.Text)]));
            }
        }

        return new ExtractionReport(cases.Count, extracted, expected, matched, misses);
    }

    /// <summary>Counts the preferences that are exactly one expected wish, one to one.</summary>
    internal static int Match(ExtractionCase c, IReadOnlyList<Preference> got)
    {
        List<HashSet<string>> wishes = [.. c.Wishes.Select(static w => TextTools.ContentStems(w.Text))];
        var used = new bool[wishes.Count];
        int hits = 0;
        foreach (Preference p in got)
        {
            HashSet<string> words = TextTools.ContentStems(p.Text);
            int best = -1;
            double bestCover = 0;
            for (int w = 0; w < wishes.Count; w++)
            {
                double cover = TextTools.Coverage(wishes[w], words);
                if (cover >= 0.6 && cover > bestCover)
                {
                    best = w;
                    bestCover = cover;
                }
            }

            // A preference holding most of another wish too is a bundle: forgetting one would forget both.
            if (best < 0 || used[best] || OthersCovered(wishes, best, words))
            {
                continue;
            }

            string? scope = c.Wishes[best].Scope;
            if (scope is not null)
            {
                HashSet<string> scopeWords = TextTools.ContentStems(scope);
                HashSet<string> where = TextTools.ContentStems(p.Text + " " + p.Scope.Text);
                if (TextTools.Coverage(scopeWords, where) < 0.5)
                {
                    continue;
                }
            }

            used[best] = true;
            hits++;
        }

        return hits;
    }

    private static bool OthersCovered(List<HashSet<string>> wishes, int best, HashSet<string> words)
    {
        for (int w = 0; w < wishes.Count; w++)
        {
            // Only the words a wish does not share with the matched one tell whether it was bundled in.
            if (w != best && wishes[w].Except(wishes[best]).ToHashSet(StringComparer.Ordinal) is { Count: > 0 } own && TextTools.Coverage(own, words) > 1 / 3.0)
            {
                return true;
            }
        }

        return false;
    }
}
