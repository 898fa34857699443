using Microsoft.Extensions.Options;
using Penchant.Evaluation.Datasets;
using Penchant.Selecting;

namespace Penchant.Evaluation.Evaluators;

/// <summary>
/// Runs selection cases: for each case a fresh user remembers the statements in order, then the engine selects for
/// the request, and each selected preference is mapped back to statements through its sources.
/// </summary>
public static class SelectionEvaluator
{
    /// <summary>The splits <c>--split</c> accepts.</summary>
    public static readonly string[] Splits = ["all", "tune", "holdout"];

    /// <summary>Reads a JSON Lines cases file, keeping the cases of a split.</summary>
    /// <param name="reader">The file.</param>
    /// <param name="source">The file name, for messages.</param>
    /// <param name="split"><c>all</c>, or the split to keep (cases without a split are kept).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The cases in file order.</returns>
    /// <exception cref="EvaluationInputException">A line is malformed; the message names it.</exception>
    public static async Task<IReadOnlyList<SelectionCase>> ReadCasesAsync(TextReader reader, string source, string split, CancellationToken cancellationToken)
    {
        var cases = new List<SelectionCase>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach ((int line, SelectionCaseLine raw) in await DataFiles.ReadJsonLinesAsync(reader, DatasetJsonContext.Default.SelectionCaseLine, source, cancellationToken))
        {
            SelectionCase parsed = Validate(raw, line, source);
            if (!ids.Add(parsed.Id))
            {
                throw new EvaluationInputException($"{source}, line {line}: case id '{parsed.Id}' appears twice.");
            }

            if (split == "all" || raw.Split is null || string.Equals(raw.Split, split, StringComparison.OrdinalIgnoreCase))
            {
                cases.Add(parsed);
            }
        }

        return cases;
    }

    /// <summary>
    /// Runs the cases: remembers each case's statements for a fresh user, then selects as the engine does (the gate, then the
    /// scope exclusions and situations); the report of the gate alone is beside it.
    /// </summary>
    /// <param name="engine">The engine (one for all cases).</param>
    /// <param name="services">The services the engine was built from (for its selection query).</param>
    /// <param name="tenant">The tenant the evaluation users live in.</param>
    /// <param name="cases">The cases.</param>
    /// <param name="progress">Told after each case.</param>
    /// <param name="features">Where to write the gate's features per (case, preference) as CSV, or <see langword="null"/>.</param>
    /// <param name="gate">A gate model file (JSON, as <c>penchant train gate</c> writes) to select with instead of the shipped one, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The report of what selection returns, with the gate alone's beside it.</returns>
    /// <exception cref="EvaluationInputException">The gate model file cannot be read.</exception>
    public static async Task<SelectionReport> RunAsync(
        IPenchant engine, IServiceProvider services, string tenant, IReadOnlyList<SelectionCase> cases, IProgress<int>? progress, TextWriter? features, string? gate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        GateModel model = gate is null ? GateModel.Default : GateTraining.ReadModel(gate);
        var selection = (SelectionQuery)services.GetService(typeof(SelectionQuery))!;
        IReadOnlyList<GatedCase> prepared = await GatedCases.PrepareAsync(engine, selection, tenant, cases, progress, cancellationToken);
        if (features is not null)
        {
            await GatedCases.WriteFeaturesAsync(features, prepared, header: true, cancellationToken);
        }

        // What ships: the gate, then the scope exclusions and situations (SelectionQuery.SelectPrepared); the gate alone beside it.
        double? threshold = ((IOptions<PenchantOptions>?)services.GetService(typeof(IOptions<PenchantOptions>)))?.Value.SelectionThreshold;
        SelectionReport gateAlone = GatedCases.Score(prepared, model, threshold);
        return GatedCases.Score(prepared, model, threshold, shipped: selection) with { Beside = [new("gate alone", gateAlone)] };
    }

    private static SelectionCase Validate(SelectionCaseLine raw, int line, string source)
    {
        string where = $"{source}, line {line}";
        if (string.IsNullOrWhiteSpace(raw.Id))
        {
            throw new EvaluationInputException($"{where}: \"id\" is missing.");
        }

        if (raw.Statements is not { Count: > 0 })
        {
            throw new EvaluationInputException($"{where}: \"statements\" must be a non-empty array.");
        }

        var statements = new List<CaseStatement>(raw.Statements.Count);
        for (int i = 0; i < raw.Statements.Count; i++)
        {
            if (raw.Statements[i] is not { Text: { } text } statement || string.IsNullOrWhiteSpace(text))
            {
                throw new EvaluationInputException($"{where}: statement {i} has no \"text\".");
            }

            statements.Add(new CaseStatement(text, statement.At));
        }

        if (string.IsNullOrWhiteSpace(raw.Request))
        {
            throw new EvaluationInputException($"{where}: \"request\" is missing.");
        }

        if (raw.Expected is null)
        {
            throw new EvaluationInputException($"{where}: \"expected\" is missing.");
        }

        var expected = new SortedSet<int>();
        foreach (int index in raw.Expected)
        {
            if (index < 0 || index >= statements.Count)
            {
                throw new EvaluationInputException($"{where}: expected index {index} is not a statement index (0 to {statements.Count - 1}).");
            }

            expected.Add(index);
        }

        return new SelectionCase(line, raw.Id, statements, raw.Request, [.. expected], raw.Category);
    }
}
