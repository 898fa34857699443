using Penchant.Evaluation.Datasets;
using Penchant.Selecting;

namespace Penchant.Evaluation.Evaluators;

/// <summary>
/// Selection across PrefEval topics (<c>penchant eval prefeval-multi</c>): each case is a user holding 8 explicit PrefEval
/// preferences; the request is one of them's own question (expected: that one) or, for every third case, the question of a
/// preference the user does not hold (expected: nothing). The other preferences come only from topics that share no group
/// with the question's topic (<see cref="PrefEvalTopicGroups"/>), so they cannot plausibly apply.
/// </summary>
public static class PrefEvalMultiEvaluator
{
    /// <summary>How many preferences each user holds.</summary>
    public const int PreferencesPerUser = 8;

    /// <summary>The category of cases whose question's preference the user holds.</summary>
    public const string AppliesCategory = "applies";

    /// <summary>Builds the cases, deterministically for a seed.</summary>
    /// <param name="items">The PrefEval items to draw from (questions and preferences).</param>
    /// <param name="count">How many cases.</param>
    /// <param name="seed">The random seed.</param>
    /// <param name="minPreferences">
    /// The fewest preferences a user holds: each case draws how many, uniformly from this to <see cref="PreferencesPerUser"/>
    /// (for fitting a gate that meets users with few preferences as well as many); <see cref="PreferencesPerUser"/>, the
    /// evaluation's setting, gives every user that many and the same cases as before the option.
    /// </param>
    /// <returns>The cases; a third of them (every third) expect nothing.</returns>
    /// <exception cref="EvaluationInputException">Some question's topic has too few unrelated preferences to fill a user.</exception>
    public static IReadOnlyList<SelectionCase> BuildCases(IReadOnlyList<PrefEvalItem> items, int count, int seed, int minPreferences = PreferencesPerUser)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentOutOfRangeException.ThrowIfLessThan(minPreferences, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minPreferences, PreferencesPerUser);
        var random = new Random(seed);
        var cases = new List<SelectionCase>(count);
        var start = new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.Zero);
        for (int i = 0; i < count; i++)
        {
            PrefEvalItem question = items[random.Next(items.Count)];
            bool none = i % 3 == 2;
            List<PrefEvalItem> unrelated = [.. items.Where(item => !PrefEvalTopicGroups.AreRelated(item.Topic, question.Topic))];
            int size = minPreferences == PreferencesPerUser ? PreferencesPerUser : random.Next(minPreferences, PreferencesPerUser + 1);
            int needed = none ? size : size - 1;
            if (unrelated.Count < needed)
            {
                throw new EvaluationInputException($"Topic {question.Topic} has only {unrelated.Count} preferences in unrelated topics; choose more topics.");
            }

            var held = new List<PrefEvalItem>(size);
            if (!none)
            {
                held.Add(question);
            }

            foreach (int index in Enumerable.Range(0, unrelated.Count).OrderBy(_ => random.Next()).Take(needed))
            {
                held.Add(unrelated[index]);
            }

            // Shuffle so the applicable preference is not always first.
            PrefEvalItem[] order = [.. held.OrderBy(_ => random.Next())];
            var statements = new List<CaseStatement>(order.Length);
            var expected = new List<int>(1);
            for (int k = 0; k < order.Length; k++)
            {
                statements.Add(new CaseStatement(order[k].Preference, start.AddMinutes((i * 100) + k)));
                if (!none && ReferenceEquals(order[k], question))
                {
                    expected.Add(k);
                }
            }

            cases.Add(new SelectionCase(i + 1, $"m{i + 1:000}:{question.Topic}#{question.Index}", statements, question.Question, expected, none ? GatedCases.NoneCategory : AppliesCategory));
        }

        return cases;
    }

    /// <summary>Scores cases with the shipped gate, and, when cases to fit on are given, with a gate fitted on them.</summary>
    /// <param name="engine">The engine.</param>
    /// <param name="services">The services the engine was built from (for its selection query).</param>
    /// <param name="tenant">The tenant the evaluation users live in.</param>
    /// <param name="cases">The cases to score.</param>
    /// <param name="fitCases">Cases to fit a gate on, or <see langword="null"/> to score with the shipped gate only.</param>
    /// <param name="hints">Whether the fitted gate weighs the similarity to hinted kinds of requests.</param>
    /// <param name="features">Where to write the scored cases' features as CSV (see <see cref="GatedCases.WriteFeaturesAsync"/>), or <see langword="null"/>.</param>
    /// <param name="gate">A gate model file (JSON, as <c>penchant train gate</c> writes) to score with in place of the shipped one, or <see langword="null"/>.</param>
    /// <param name="progress">Told after each prepared case (scored cases, then fit cases).</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The report: the fitted gate's when cases to fit on are given (the shipped gate's beside it), else the shipped gate's.</returns>
    /// <exception cref="EvaluationInputException">The gate model file cannot be read.</exception>
    public static async Task<SelectionReport> RunAsync(
        IPenchant engine, IServiceProvider services, string tenant, IReadOnlyList<SelectionCase> cases, IReadOnlyList<SelectionCase>? fitCases, bool hints, TextWriter? features, string? gate, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        GateModel model = gate is null ? GateModel.Default : GateTraining.ReadModel(gate);
        ArgumentNullException.ThrowIfNull(services);
        var selection = (SelectionQuery)services.GetService(typeof(SelectionQuery))!;
        IReadOnlyList<GatedCase> scored = await GatedCases.PrepareAsync(engine, selection, tenant, cases, progress, cancellationToken);
        if (features is not null)
        {
            await GatedCases.WriteFeaturesAsync(features, scored, header: true, cancellationToken);
        }

        SelectionReport shipped = GatedCases.Score(scored, model) with { Name = "prefeval-multi" };
        if (fitCases is null)
        {
            return shipped;
        }

        IReadOnlyList<GatedCase> fit = await GatedCases.PrepareAsync(engine, selection, tenant, fitCases, null, cancellationToken);
        GateModel fitted = GateTrainer.Fit(GatedCases.Examples(fit, hints: hints)).Model;
        return GatedCases.Score(scored, fitted, hints: hints) with { Name = "prefeval-multi", Beside = [new("shipped gate", shipped)] };
    }
}
