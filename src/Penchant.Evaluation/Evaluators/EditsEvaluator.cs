using System.Globalization;
using Penchant.Domain;
using Penchant.Evaluation.Datasets;
using Penchant.Evaluation.Simulations;

namespace Penchant.Evaluation.Evaluators;

/// <summary>
/// The editing evaluation: PRELUDE's hidden preferences per document source, documents from HH-RLHF's helpful responses
/// (PRELUDE ships no documents), and the <see cref="EditingSimulation"/> with Penchant as the learning agent.
/// </summary>
public static class EditsEvaluator
{
    /// <summary>The fewest words a document must have to be summarised.</summary>
    public const int MinDocumentWords = 60;

    /// <summary>The fewest sentences a document must have.</summary>
    public const int MinDocumentSentences = 4;

    /// <summary>Reads the documents: the helpful-base split's chosen responses long enough to summarise.</summary>
    /// <param name="hhDirectory">The HH-RLHF folder.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The documents, in file order.</returns>
    /// <exception cref="EvaluationInputException">The folder has no usable documents.</exception>
    public static async Task<IReadOnlyList<string>> DocumentsAsync(string hhDirectory, CancellationToken cancellationToken)
    {
        List<HhPair> pairs = await HhRlhfData.ReadAsync(hhDirectory, "helpful-base", null, cancellationToken);
        List<string> documents = [.. pairs
            .Select(static p => p.Chosen.Trim())
            .Where(static d => StyleWriter.CountWords(d) >= MinDocumentWords && StyleWriter.Sentences(d).Count >= MinDocumentSentences)
            .Distinct(StringComparer.Ordinal)];
        return documents.Count > 0 ? documents : throw new EvaluationInputException($"{hhDirectory}: no helpful-base response is long enough to serve as a document.");
    }

    /// <summary>Runs the simulation for one task.</summary>
    /// <param name="engine">The engine (a fresh simulated user is created in it).</param>
    /// <param name="preludeDirectory">The PRELUDE folder.</param>
    /// <param name="documents">The documents.</param>
    /// <param name="task"><c>summarization</c> or <c>email</c>.</param>
    /// <param name="rounds">The rounds.</param>
    /// <param name="seed">The seed.</param>
    /// <param name="progress">Reports rounds done, or <see langword="null"/>.</param>
    /// <param name="trace">Receives one line per round, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The report and the hidden styles used.</returns>
    public static async Task<(EditsReport Report, IReadOnlyList<HiddenStyle> Hidden)> RunAsync(
        IPenchant engine, string preludeDirectory, IReadOnlyList<string> documents, string task, int rounds, int seed, IProgress<int>? progress, TextWriter? trace, CancellationToken cancellationToken)
    {
        IReadOnlyList<(string Source, IReadOnlyList<string> Descriptors)> sources = await PreludeData.ReadAsync(preludeDirectory, task, cancellationToken);
        HiddenStyle[] hidden = [.. sources.Select(static s => HiddenStyle.FromDescriptors(s.Source, s.Descriptors))];
        var user = new UserKey("eval-edits", $"{task}-{seed}-{Guid.NewGuid():N}");
        try
        {
            EditsReport report = await EditingSimulation.RunAsync(engine, user, task, hidden, documents, rounds, seed, progress, trace, cancellationToken);
            return (report, hidden);
        }
        finally
        {
            await engine.ForgetUserAsync(user, CancellationToken.None);
        }
    }

    /// <summary>The summary line of a report.</summary>
    /// <param name="report">The report.</param>
    /// <returns><c>edits: task= rounds= cost= no_learning= oracle= ratio=</c>.</returns>
    public static string Summary(EditsReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"edits: task={report.Task} rounds={report.Rounds} cost={report.Cost} no_learning={report.NoLearning} oracle={report.Oracle} ratio={report.Ratio:0.000}");
    }
}
