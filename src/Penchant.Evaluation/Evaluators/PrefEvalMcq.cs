using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Penchant.Domain;
using Penchant.Evaluation.Datasets;
using Penchant.Evaluation.Metrics;
using Penchant.Knowledge;
using Penchant.Numerics;
using Penchant.Ranking;
using Penchant.Signals;

namespace Penchant.Evaluation.Evaluators;

/// <summary>
/// PrefEval multiple choice: a fresh user observes the preference turn, an acknowledgement and N filler pairs; then the
/// engine ranks the question's options (shuffled with a fixed seed, since the first is correct upstream); a hit is the
/// correct option ranked first.
/// </summary>
public static class PrefEvalMcq
{
    private const string McqFolder = "mcq_options";

    /// <summary>Lists the topics that have multiple-choice options.</summary>
    public static IReadOnlyList<string> ListTopics(string directory)
    {
        string folder = Path.Combine(directory, McqFolder);
        if (!Directory.Exists(folder))
        {
            throw new EvaluationInputException($"{directory} has no {McqFolder}/ folder.");
        }

        var topics = Directory.EnumerateFiles(folder, "*.json").Select(static f => Path.GetFileNameWithoutExtension(f)).ToList();
        topics.Sort(StringComparer.Ordinal);
        return topics;
    }

    /// <summary>Reads the items of some topics.</summary>
    public static async Task<IReadOnlyList<McqItem>> ReadAsync(string directory, IReadOnlyList<string> topics, int? limit, CancellationToken cancellationToken)
    {
        var items = new List<McqItem>();
        foreach (string topic in topics)
        {
            string file = Path.Combine(directory, McqFolder, topic + ".json");
            await using FileStream stream = DataFiles.OpenRead(file);
            List<McqItemLine?> lines;
            try
            {
                lines = await JsonSerializer.DeserializeAsync(stream, RankingEvalJsonContext.Default.ListMcqItemLine, cancellationToken) ?? [];
            }
            catch (JsonException exception)
            {
                throw new EvaluationInputException($"{file}: {DataFiles.Reason(exception)}", exception);
            }

            int count = limit is { } k ? Math.Min(k, lines.Count) : lines.Count;
            for (int i = 0; i < count; i++)
            {
                if (lines[i] is not { Preference: { Length: > 0 } preference, Question: { Length: > 0 } question, Options: { Count: >= 2 } options })
                {
                    throw new EvaluationInputException($"{file}: item {i} needs \"preference\", \"question\" and at least two \"classification_task_options\".");
                }

                items.Add(new McqItem(topic, i, preference, question, options));
            }
        }

        return items;
    }

    /// <summary>Runs the items.</summary>
    public static async Task<IReadOnlyList<McqResult>> RunAsync(
        IPenchant engine, string tenant, IReadOnlyList<McqItem> items, IReadOnlyList<ConversationTurn> filler, int seed, int parallelism, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        // One shuffle per item, drawn in item order from one seeded generator, so a run is reproducible whatever the parallelism.
        var random = new Random(seed);
        var orders = new int[items.Count][];
        for (int i = 0; i < items.Count; i++)
        {
            orders[i] = [.. Enumerable.Range(0, items[i].Options.Count)];
            random.Shuffle(orders[i]);
        }

        string run = Guid.NewGuid().ToString("N")[..8];
        var results = new McqResult[items.Count];
        int finished = 0;
        await Parallel.ForEachAsync(
            Enumerable.Range(0, items.Count),
            new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
            async (i, token) =>
            {
                McqItem item = items[i];
                UserKey user = UserKey.Create(tenant, $"eval-mcq-{run}-{i}");
                var turns = new List<ConversationTurn>(filler.Count + 2)
                {
                    new(ConversationTurn.UserRole, item.Preference),
                    new(ConversationTurn.AssistantRole, PrefEvalEvaluator.Acknowledgement),
                };
                turns.AddRange(filler);
                WriteResult written = await engine.ObserveAsync(user, turns, token);
                string preferenceTurn = written.Events[0].Id;
                IReadOnlyList<Preference> held = await engine.ListAsync(user, token);
                string[] shown = [.. orders[i].Select(k => item.Options[k])];
                CandidateRanking ranking = await engine.RankAsync(user, new RequestContext(item.Question), shown, token);
                int correct = Array.IndexOf(orders[i], 0);
                bool level = ranking.Candidates.All(c => c.Score == ranking.Best!.Score);
                string factors = string.Join(
                    "\n",
                    ranking.Candidates.Where(c => c.Index == correct || c.Index == ranking.Best!.Index).Select(c =>
                        $"  [{(c.Index == correct ? "correct" : "chosen")}] " + string.Join("; ", c.Factors.Where(static f => f.PreferenceId is not null).Select(static f => string.Create(CultureInfo.InvariantCulture, $"{f.Contribution:0.000} {f.Description}")))));
                results[i] = new McqResult(item, correct, ranking.Best!.Index, shown, level, factors)
                {
                    Own = [.. held.Where(p => p.Sources.Contains(preferenceTurn)).Select(static p => p.Text)],
                    Filler = [.. held.Where(p => !p.Sources.Contains(preferenceTurn)).Select(static p => p.Text)],
                };
                await engine.ForgetUserAsync(user, token);
                progress?.Report(Interlocked.Increment(ref finished));
            });

        return results;
    }

    /// <summary>
    /// Fits the stated-preference scorer's weights on the items of some topics from the preference text alone (no
    /// conversation: the preference is taken to apply) and writes accuracy on the fitted topics and on the held-out rest,
    /// for the fitted weights and for the shipped rules, so that the split shows how well the fit carries to unseen topics.
    /// </summary>
    /// <exception cref="EvaluationInputException">The engine is not the built-in one, or none of the items is in a fitted topic.</exception>
    /// <param name="services">The engine's services.</param>
    /// <param name="items">The items.</param>
    /// <param name="fitTopics">The topics to fit on.</param>
    /// <param name="seed">The seed of the option shuffle.</param>
    /// <param name="verbose">Whether to list the fitted topics' misses.</param>
    /// <param name="output">Receives the report.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <param name="dumpPath">When given, every item's features and embeddings are written there as JSON lines, for study offline.</param>
    public static async Task FitAsync(
        IServiceProvider services, IReadOnlyList<McqItem> items, IReadOnlyList<string> fitTopics, int seed, bool verbose, TextWriter output, CancellationToken cancellationToken, string? dumpPath = null)
    {
        if (services.GetService(typeof(RankingQuery)) is not RankingQuery ranking)
        {
            throw new EvaluationInputException("--fit-topics needs the built-in engine.");
        }

        var random = new Random(seed);
        var fit = new List<ChoiceExample>();
        var held = new List<ChoiceExample>();
        var misses = new List<string>();
        var fitTopicOf = new List<string>();
        var embeddings = (IEmbeddingGenerator<string, Embedding<float>>?)services.GetService(typeof(IEmbeddingGenerator<string, Embedding<float>>));
        await using StreamWriter? dump = dumpPath is null ? null : new StreamWriter(dumpPath);
        foreach (McqItem item in items)
        {
            int[] order = [.. Enumerable.Range(0, item.Options.Count)];
            random.Shuffle(order);
            string[] shown = [.. order.Select(k => item.Options[k])];
            (RankingPreference preference, RankingCandidate[] candidates) = await ranking.PrepareStatedAsync(item.Preference, item.Question, shown, cancellationToken);
            var example = new ChoiceExample(StatedPreferenceScorer.Features(preference, candidates), Array.IndexOf(order, 0));
            bool fitted = fitTopics.Contains(item.Topic, StringComparer.Ordinal);
            (fitted ? fit : held).Add(example);
            if (dump is not null && embeddings is not null)
            {
                GeneratedEmbeddings<Embedding<float>> texts = await embeddings.GenerateAsync([item.Question, item.Preference], cancellationToken: cancellationToken);
                var line = new McqFeatureLine(
                    item.Topic, item.Index, fitted, example.Chosen, shown, example.Options, texts[0].Vector.ToArray(), texts[1].Vector.ToArray(),
                    [.. preference.Clauses.Select(static c => c.Object)], [.. preference.Clauses.Select(static c => c.Negative)], [.. preference.Vectors],
                    [.. candidates.Select(static c => c.Vector.ToArray())]);
                await dump.WriteLineAsync(JsonSerializer.Serialize(line, RankingEvalJsonContext.Default.McqFeatureLine));
            }

            if (fitted)
            {
                fitTopicOf.Add(item.Topic);
            }
            if (verbose && fitted && ConditionalLogit.Accuracy([example], StatedPreferenceScorer.Weights) < 1)
            {
                // Only the fitted topics' misses are listed: the held-out topics are for the aggregate figure alone.
                string clauses = string.Join("; ", preference.Clauses.Select(static c => (c.Negative ? "-" : "+") + c.Object));
                string bounds = string.Join("; ", preference.Bounds.Select(static b => string.Create(CultureInfo.InvariantCulture, $"{(b.IsMaximum ? "<=" : ">=")}{b.Limit} {b.Unit}")));
                int chosen = Enumerable.Range(0, shown.Length).MaxBy(o => StatedPreferenceScorer.Apply(StatedPreferenceScorer.Weights, example.Options[o]));
                string scores = string.Join(string.Empty, Enumerable.Range(0, shown.Length).Select(o => string.Create(
                    CultureInfo.InvariantCulture,
                    $"\n  {(o == example.Chosen ? '*' : ' ')}{StatedPreferenceScorer.Apply(StatedPreferenceScorer.Weights, example.Options[o]),6:0.000} {shown[o]} [{Describe(example.Options[o])}]")));
                misses.Add($"miss {item.Topic}#{item.Index}: {item.Preference} | {item.Question}\n  clauses: {clauses} {bounds}\n  chose:   {shown[chosen]}\n  correct: {item.Options[0]}{scores}");
            }
        }

        foreach (string miss in misses)
        {
            await output.WriteLineAsync(miss);
        }

        await output.WriteLineAsync($"knowledge: {WordNetNouns.Default.Status}");

        if (fit.Count == 0)
        {
            throw new EvaluationInputException("None of the chosen items is in a --fit-topics topic.");
        }

        // Fitting works in logits (the engine's scale times the scorer's weights), from the rules toward the data; the penalty
        // is chosen by leaving one fitted topic out at a time, so the held-out topics play no part in it.
        double scale = RankingQuery.StatedScale;
        double[] prior = [.. StatedPreferenceScorer.Weights.Select(w => w * scale)];
        double?[] fixedWeights = [.. prior.Select(static (w, k) => k is StatedPreferenceScorer.NumericFeature or StatedPreferenceScorer.StyleFeature ? w : (double?)null)];
        double bestL2 = 0;
        double bestAccuracy = -1;
        foreach (double l2 in (double[])[1.0, 0.1, 0.01, 0.001])
        {
            double accuracy = 0;
            foreach (string left in fitTopics)
            {
                List<ChoiceExample> train = [.. fit.Where((_, i) => fitTopicOf[i] != left)];
                List<ChoiceExample> test = [.. fit.Where((_, i) => fitTopicOf[i] == left)];
                accuracy += ConditionalLogit.Accuracy(test, ConditionalLogit.Fit(train, l2, fixedWeights: fixedWeights, prior: prior)) * test.Count / fit.Count;
            }

            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"leave-one-topic-out l2={l2}: accuracy={accuracy:0.000}"));
            if (accuracy > bestAccuracy + 1e-9)
            {
                (bestL2, bestAccuracy) = (l2, accuracy);
            }
        }

        double[] weights = [.. ConditionalLogit.Fit(fit, bestL2, fixedWeights: fixedWeights, prior: prior).Select(w => w / scale)];
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"fitted weights (l2={bestL2}): ") + string.Join(", ", weights.Select(static w => w.ToString("0.000", CultureInfo.InvariantCulture))));
        foreach ((string name, IReadOnlyList<double> w) in new[] { ("rules", StatedPreferenceScorer.Weights), ("fitted", (IReadOnlyList<double>)weights) })
        {
            await output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"prefeval-mcq-fit {name}: fit_topics n={fit.Count} accuracy={ConditionalLogit.Accuracy(fit, w):0.000} held_out n={held.Count} accuracy={ConditionalLogit.Accuracy(held, w):0.000}"));
        }
    }

    /// <summary>Names a candidate's non-zero (centred) features, for the list of misses.</summary>
    private static string Describe(double[] features) => string.Join(
        ", ",
        Enumerable.Range(0, features.Length).Where(k => Math.Abs(features[k]) > 1e-6).Select(k => string.Create(
            CultureInfo.InvariantCulture, $"{StatedPreferenceScorer.FeatureNames[k]} {features[k]:0.00}")));

    /// <summary>Writes per-topic accuracy, the misses when asked, and the summary as the last line.</summary>
    public static void Write(TextWriter output, IReadOnlyList<McqResult> results, int turns, bool verbose)
    {
        if (verbose)
        {
            foreach (McqResult miss in results.Where(static r => !r.Correct))
            {
                output.WriteLine($"miss {miss.Item.Topic}#{miss.Item.Index}: {miss.Item.Preference} | {miss.Item.Question}");
                output.WriteLine($"  chose:   {miss.Shown[miss.ChosenPosition]}{(miss.Level ? " (all options level: no preference applied)" : string.Empty)}");
                output.WriteLine($"  correct: {miss.Shown[miss.CorrectPosition]}");
                output.WriteLine($"  own preferences: {(miss.Own.Count == 0 ? "none extracted" : string.Join(" | ", miss.Own))}");
                if (!string.IsNullOrEmpty(miss.Factors))
                {
                    output.WriteLine(miss.Factors);
                }
            }
        }

        // The filler conversation states no preference: whatever it yields is a false preference, applied to unrelated questions.
        var filler = results.SelectMany(static r => r.Filler).GroupBy(static t => t, StringComparer.Ordinal).OrderByDescending(static g => g.Count()).ToList();
        if (verbose)
        {
            foreach (IGrouping<string, string> falsePreference in filler)
            {
                output.WriteLine($"filler preference ({falsePreference.Count()} items): {falsePreference.Key}");
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"filler: {filler.Count} distinct preferences from the filler turns, {Rate.Of(results.Sum(static r => r.Filler.Count), results.Count):0.00} per item; own preference extracted in {Rate.Of(results.Count(static r => r.Own.Count > 0), results.Count):0.000} of items"));
        foreach (IGrouping<string, McqResult> topic in results.GroupBy(static r => r.Item.Topic).OrderBy(static g => g.Key, StringComparer.Ordinal))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"topic {topic.Key}: n={topic.Count()} accuracy={Rate.Of(topic.Count(static r => r.Correct), topic.Count()):0.000}"));
        }

        output.WriteLine($"knowledge: {WordNetNouns.Default.Status}");
        double accuracy = Rate.Of(results.Count(static r => r.Correct), results.Count);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"prefeval-mcq: n={results.Count} turns={turns} accuracy={accuracy:0.000}"));
    }
}
