using System.Text.Json;
using Penchant.Domain;
using Penchant.Evaluation.Datasets;
using Penchant.Evaluation.Metrics;
using Penchant.Signals;

namespace Penchant.Evaluation.Evaluators;

/// <summary>
/// Ranking from stated preferences (<c>eval/ranking</c>): each case's fresh user states preferences, then the engine ranks
/// the candidates; a hit is the expected best candidate ranked first.
/// </summary>
public static class RankingEvaluator
{
    /// <summary>Reads a JSON Lines cases file of <c>{"id", "statements", "request", "candidates", "best"}</c>; a statement is a string or <c>{"text"}</c>.</summary>
    /// <param name="file">The file.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The cases in file order.</returns>
    /// <exception cref="EvaluationInputException">The file cannot be read, a line is malformed, or the file holds no cases.</exception>
    public static async Task<IReadOnlyList<RankingCase>> ReadCasesAsync(string file, CancellationToken cancellationToken)
    {
        var cases = new List<RankingCase>();
        await using (FileStream stream = DataFiles.OpenRead(file))
        {
            using var reader = new StreamReader(stream);
            int number = 0;
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                number++;
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                RankingCaseLine? item;
                try
                {
                    item = JsonSerializer.Deserialize(line, RankingEvalJsonContext.Default.RankingCaseLine);
                }
                catch (JsonException exception)
                {
                    throw new EvaluationInputException($"{file}:{number}: {DataFiles.Reason(exception)}", exception);
                }

                if (item is not { Request: { Length: > 0 } request, Candidates: { Count: > 0 } candidates, Best: { } best } || best < 0 || best >= candidates.Count)
                {
                    throw new EvaluationInputException($"{file}:{number}: a case needs \"request\", \"candidates\" and \"best\" (an index into the candidates).");
                }

                var statements = new List<string>();
                foreach (JsonElement s in item.Statements ?? [])
                {
                    string? text = s.ValueKind == JsonValueKind.String ? s.GetString()
                        : s.ValueKind == JsonValueKind.Object && s.TryGetProperty("text", out JsonElement t) ? t.GetString() : null;
                    if (!string.IsNullOrWhiteSpace(text))
                    {
                        statements.Add(text);
                    }
                }

                cases.Add(new RankingCase(item.Id ?? $"line {number}", statements, request, candidates, best));
            }
        }

        if (cases.Count == 0)
        {
            throw new EvaluationInputException($"{file} holds no cases.");
        }

        return cases;
    }

    /// <summary>Runs the cases one by one, each as a fresh user who is forgotten afterwards.</summary>
    /// <param name="engine">The engine.</param>
    /// <param name="tenant">The tenant the evaluation users live in.</param>
    /// <param name="cases">The cases.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>Each case's outcome, in order.</returns>
    public static async IAsyncEnumerable<RankingCaseResult> RunAsync(
        IPenchant engine, string tenant, IReadOnlyList<RankingCase> cases, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(cases);
        string run = Guid.NewGuid().ToString("N")[..8];
        for (int i = 0; i < cases.Count; i++)
        {
            RankingCase c = cases[i];
            UserKey user = UserKey.Create(tenant, $"eval-ranking-{run}-{i}");
            foreach (string statement in c.Statements)
            {
                await engine.RememberAsync(user, new Statement(statement), cancellationToken);
            }

            CandidateRanking ranking = await engine.RankAsync(user, new RequestContext(c.Request), c.Candidates, cancellationToken);
            var result = new RankingCaseResult(c, ranking.Best!.Index, ranking.Best.Text);
            await engine.ForgetUserAsync(user, cancellationToken);
            yield return result;
        }
    }

    /// <summary>Returns the share of cases whose expected best candidate was ranked first (0 for no cases).</summary>
    /// <param name="results">The outcomes.</param>
    /// <returns>The accuracy.</returns>
    public static double Accuracy(IReadOnlyList<RankingCaseResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        return Rate.Of(results.Count(static r => r.IsHit), results.Count);
    }
}
