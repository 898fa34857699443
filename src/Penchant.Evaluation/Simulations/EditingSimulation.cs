using Penchant.Domain;
using Penchant.Evaluation.Metrics;

namespace Penchant.Evaluation.Simulations;

/// <summary>
/// PRELUDE's interactive protocol with a simulated user: each round a document from one source arrives, an agent writes
/// (a summary or an email) with the deterministic <see cref="StyleWriter"/>, the simulated user edits it toward the hidden
/// preference of that source (<see cref="HiddenStyle"/>), and the cost is the Levenshtein distance between output and edit.
/// The learning agent asks Penchant for the styles of the request before writing and records the edit after.
/// </summary>
public static class EditingSimulation
{
    /// <summary>The most sentences of a document the writer works from.</summary>
    public const int MaxBaseSentences = 6;

    /// <summary>The writer's style before it knows anything: an email has a greeting and a closing, a summary has neither.</summary>
    /// <param name="task">The task.</param>
    /// <returns>The default style.</returns>
    public static WriterStyle Baseline(string task) => task == "email" ? new WriterStyle { Greeting = true, Closing = true } : new WriterStyle();

    /// <summary>
    /// The request an application would send for a document of a source: the task and the kind of document (PRELUDE's
    /// sources are news, Reddit posts, encyclopedia articles, paper abstracts, movie reviews, article highlights, peer
    /// reviews, tweets about papers), then the document's opening sentence. The kind stands in for the genre real documents of the
    /// source would show: the documents here are borrowed from another data set and have no genre of their own, so a whole
    /// document would bury the one line that says where it comes from.
    /// </summary>
    /// <param name="task">The task.</param>
    /// <param name="source">The source.</param>
    /// <param name="document">The document's opening.</param>
    /// <returns>The request.</returns>
    public static string Request(string task, string source, string document)
    {
        string kind = source switch
        {
            "cnn_dailymail" => "news article",
            "slf5k" => "Reddit post",
            "wikipedia" => "encyclopedia article",
            "CShorten/ML-ArXiv-Papers" => "machine learning paper abstract",
            "paper_tweet" => "tweet about a research paper",
            "imdb" => "movie review",
            "ccby" => "research article's author highlights",
            "ampere" => "peer review",
            _ => source + " document",
        };
        return task == "email" ? $"Write an email about this {kind}:\n\n{document}" : $"Summarize this {kind}:\n\n{document}";
    }

    /// <summary>The style the writer uses given the styles Penchant selected for the request (the default where none is learned).</summary>
    /// <param name="baseline">The default style.</param>
    /// <param name="styles">The selected styles.</param>
    /// <returns>The style to write under.</returns>
    public static WriterStyle FromStyles(WriterStyle baseline, IReadOnlyList<StylePreference> styles)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(styles);
        WriterStyle style = baseline;
        foreach (StylePreference s in styles)
        {
            bool some = s.Level >= 0.5;
            style = s.Feature switch
            {
                StyleFeature.Length => style with { Words = Math.Max(5, (int)Math.Round(s.Level)) },
                StyleFeature.SentenceLength => style with { SentenceWords = Math.Max(3, (int)Math.Round(s.Level)) },
                StyleFeature.Bullets => style with { Bullets = some },
                StyleFeature.Emoji => style with { Emoji = some },
                StyleFeature.Greeting => style with { Greeting = some },
                StyleFeature.Closing => style with { Closing = some },
                StyleFeature.Formality => style with { Formality = s.Level >= 0.3 ? 1 : s.Level <= -0.3 ? -1 : 0 },
                StyleFeature.SecondPerson => style with { SecondPerson = s.Level >= 0.3 },
                StyleFeature.Questions => style with { Questions = some },
                StyleFeature.Exclamations => style with { Exclamations = some },
                _ => style,
            };
        }

        return style;
    }

    /// <summary>Runs the rounds.</summary>
    /// <param name="engine">The engine the learning agent asks and teaches (a fresh user is used).</param>
    /// <param name="user">The simulated user.</param>
    /// <param name="task">The task.</param>
    /// <param name="hidden">The hidden preference of each source.</param>
    /// <param name="documents">The documents, drawn in a seeded order.</param>
    /// <param name="rounds">The rounds.</param>
    /// <param name="seed">The seed of the sources' and documents' order.</param>
    /// <param name="progress">Reports rounds done, or <see langword="null"/>.</param>
    /// <param name="trace">Receives one line per round (source, cost, styles used), or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The report.</returns>
    public static async Task<EditsReport> RunAsync(
        IPenchant engine,
        UserKey user,
        string task,
        IReadOnlyList<HiddenStyle> hidden,
        IReadOnlyList<string> documents,
        int rounds,
        int seed,
        IProgress<int>? progress,
        TextWriter? trace,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(hidden);
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentOutOfRangeException.ThrowIfZero(hidden.Count, nameof(hidden));
        ArgumentOutOfRangeException.ThrowIfZero(documents.Count, nameof(documents));
        var random = new Random(seed);
        int[] order = [.. Enumerable.Range(0, documents.Count)];
        random.Shuffle(order);
        WriterStyle baseline = Baseline(task);
        long cost = 0, noLearning = 0, oracle = 0, firstHalf = 0;
        var bySource = new Dictionary<string, long>(StringComparer.Ordinal);
        for (int round = 0; round < rounds; round++)
        {
            HiddenStyle preference = hidden[random.Next(hidden.Count)];
            string document = documents[order[round % order.Length]];
            List<string> sentences = [.. StyleWriter.Sentences(document).Take(MaxBaseSentences)];
            string request = Request(task, preference.Source, sentences[0]);

            noLearning += Cost(sentences, baseline, preference).Cost;
            oracle += Cost(sentences, preference.Apply(baseline), preference).Cost;

            Selection selection = await engine.SelectAsync(user, new RequestContext(request), cancellationToken);
            WriterStyle style = FromStyles(baseline, selection.Styles);
            (int roundCost, string output, string edited) = Cost(sentences, style, preference);
            cost += roundCost;
            if (round < rounds / 2)
            {
                firstHalf += roundCost;
            }

            bySource[preference.Source] = bySource.GetValueOrDefault(preference.Source) + roundCost;
            await engine.EditAsync(user, new Signals.Edit(request, output, edited), cancellationToken);
            if (trace is not null)
            {
                await trace.WriteLineAsync($"round {round + 1} {preference.Source}: cost={roundCost} styles: {string.Join("; ", selection.Styles.Select(static s => s.Text))}");
            }

            progress?.Report(round + 1);
        }

        return new EditsReport(task, rounds, cost, noLearning, oracle, bySource, firstHalf, cost - firstHalf);
    }

    /// <summary>Writes under a style, lets the simulated user edit, and measures the cost.</summary>
    private static (int Cost, string Output, string Edited) Cost(IReadOnlyList<string> sentences, WriterStyle style, HiddenStyle user)
    {
        (string output, int words, int contentSentences) = StyleWriter.Render(sentences, style);
        WriterStyle corrected = user.Correct(style, words, (double)words / Math.Max(1, contentSentences));
        if (corrected == style)
        {
            return (0, output, output);
        }

        string edited = StyleWriter.Render(sentences, corrected).Text;
        return (EditDistance.Levenshtein(output, edited), output, edited);
    }
}
