using System.Text.Json;
using Penchant.Evaluation.Datasets;
using Penchant.Numerics;
using Penchant.Selecting;

namespace Penchant.Evaluation.Evaluators;

/// <summary>
/// Fits the selection gate from labelled cases (<c>penchant train gate</c>): the engine remembers every case's statements,
/// the gate's features are measured for every (request, preference) pair, and <see cref="GateTrainer"/> fits the model and
/// its calibration; the result is written as JSON, the form of the shipped <c>Selecting/Resources/gate-model.json</c>.
/// </summary>
public static class GateTraining
{
    /// <summary>Fits a gate on cases and writes it.</summary>
    /// <param name="engine">The engine.</param>
    /// <param name="services">The services the engine was built from (for its selection query).</param>
    /// <param name="tenant">The tenant the training users live in.</param>
    /// <param name="sets">The sets of labelled cases, by name.</param>
    /// <param name="balance">Whether each set counts as much as the others in the fit (its pairs weighted by the inverse of its size), however many cases it has.</param>
    /// <param name="hints">Whether the gate weighs the similarity to hinted kinds of requests.</param>
    /// <param name="comment">Where the model comes from (data, split, command), stored in the file.</param>
    /// <param name="output">Where to write the JSON.</param>
    /// <param name="features">Where to write every fitted pair's features as CSV (see <see cref="GatedCases.WriteFeaturesAsync"/>), or <see langword="null"/>.</param>
    /// <param name="progress">Told after each prepared case.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The fit's summary: pairs, positives, out-of-fold ECE and its reliability diagram, and the threshold.</returns>
    public static async Task<GateTrainingReport> TrainAsync(
        IPenchant engine,
        IServiceProvider services,
        string tenant,
        IReadOnlyList<KeyValuePair<string, IReadOnlyList<SelectionCase>>> sets,
        bool balance,
        bool hints,
        string comment,
        Stream output,
        TextWriter? features,
        IProgress<int>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(sets);
        var selection = (SelectionQuery)services.GetService(typeof(SelectionQuery))!;
        var examples = new List<GateExample>();
        var perSet = new List<IReadOnlyList<GateExample>>();
        int group = 0, done = 0;
        var counts = new List<KeyValuePair<string, int>>();
        foreach ((string name, IReadOnlyList<SelectionCase> cases) in sets)
        {
            int offset = done;
            var inner = progress is null ? null : new Progress<int>(n => progress.Report(offset + n));
            IReadOnlyList<GatedCase> prepared = await GatedCases.PrepareAsync(engine, selection, tenant, cases, inner, cancellationToken);
            perSet.Add(GatedCases.Examples(prepared, group, hints));
            if (features is not null)
            {
                await GatedCases.WriteFeaturesAsync(features, prepared, header: group == 0, cancellationToken);
            }

            group += prepared.Count;
            done += prepared.Count;
            counts.Add(new(name, prepared.Count));
        }

        int total = perSet.Sum(static s => s.Count);
        foreach (IReadOnlyList<GateExample> set in perSet)
        {
            double weight = balance && set.Count > 0 ? (double)total / (perSet.Count * set.Count) : 1.0;
            examples.AddRange(set.Select(e => e with { Weight = weight }));
        }

        GateFit fit = GateTrainer.Fit(examples);
        double ece = Calibration.ExpectedCalibrationError(fit.OutOfFold, fit.Outcomes);
        GateModelFile file = fit.Model.ToFile(comment, fit.Outcomes.Count, fit.Positives, ece);
        await JsonSerializer.SerializeAsync(output, file, GateModelJsonContext.Default.GateModelFile, cancellationToken);
        return new GateTrainingReport(counts, fit.Outcomes.Count, fit.Positives, fit.Model.Threshold, ece, Calibration.Reliability(fit.OutOfFold, fit.Outcomes));
    }

    /// <summary>Reads a gate model file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The model.</returns>
    /// <exception cref="EvaluationInputException">The file is missing or is not a gate model.</exception>
    internal static GateModel ReadModel(string path)
    {
        try
        {
            using FileStream stream = DataFiles.OpenRead(path);
            return GateModel.Read(stream);
        }
        catch (InvalidDataException exception)
        {
            throw new EvaluationInputException($"{path}: {exception.Message}", exception);
        }
    }
}
