using BenchmarkDotNet.Attributes;
using Penchant.Benchmarks.Corpus;
using Penchant.Domain;
using Penchant.Learning.Ranking;
using Penchant.Ranking;

namespace Penchant.Benchmarks;

/// <summary>
/// Fitting the tenant's ranking model on 100,000 comparisons whose features are precomputed (real HH-RLHF responses
/// embedded once with MiniLM, see <see cref="ComparisonCorpus"/>): the model <c>TrainAsync</c> fits with its default
/// options, and the population Bradley–Terry path alone (no prototypes, no skew head, no user parts) that
/// <c>benchmarks/sklearn</c> compares with scikit-learn's logistic regression.
/// </summary>
/// <remarks>
/// Each invocation is one whole fit (seconds), so one invocation per iteration. Not sealed: BenchmarkDotNet accepts only
/// unsealed benchmark classes.
/// </remarks>
[WarmupCount(1)]
[IterationCount(5)]
[InvocationCount(1)]
public class RankingFitBenchmarks
{
    private ComparisonCorpus _corpus = null!;
    private PairSample[] _population = null!;
    private TrainerOptions _default = null!;
    private TrainerOptions _bradleyTerry = null!;

    /// <summary>Gets the trainer options <c>TrainAsync</c> uses for the default <see cref="TrainingOptions"/>.</summary>
    internal static TrainerOptions DefaultOptions
    {
        get
        {
            var options = new TrainingOptions();
            return new TrainerOptions { Prototypes = options.Prototypes, SkewRank = options.SkewRank, Epochs = options.Epochs, Seed = options.Seed };
        }
    }

    /// <summary>Gets the options of the population Bradley–Terry path: the defaults without prototypes or skew head.</summary>
    internal static TrainerOptions BradleyTerryOptions => DefaultOptions with { Prototypes = 0, SkewRank = 0 };

    [GlobalSetup]
    public async Task SetupAsync()
    {
        using (var services = BenchmarkHost.Create())
        {
            _corpus = await ComparisonCorpus.LoadAsync(BenchmarkHost.Embeddings(services), CancellationToken.None);
        }

        // The same comparisons without users: one global model, as a logistic regression on feature differences is.
        _population = [.. _corpus.Train.Select(static s => s with { User = -1 })];
        _default = DefaultOptions;
        _bradleyTerry = BradleyTerryOptions;
        PairSample[] test = [.. _corpus.Test.Select(static s => s with { User = -1 })];
        (RewardModel bt, _) = Fit(_population, 0, _bradleyTerry);
        (RewardModel full, UserPart[] parts) = Fit(_corpus.Train, ComparisonCorpus.Users, _default);
        Console.WriteLine(
            $"// {_corpus.Train.Count:N0} comparisons by {ComparisonCorpus.Users:N0} users over {_corpus.Pairs.Count:N0} HH-RLHF pairs, {bt.Dimensions} features. " +
            $"Bradley–Terry accuracy train {RankingMetrics.Accuracy(bt, null, _population):0.000} test {RankingMetrics.Accuracy(bt, null, test):0.000}; " +
            $"default model train {RankingMetrics.Accuracy(full, parts, _corpus.Train):0.000} test {RankingMetrics.Accuracy(full, parts, _corpus.Test):0.000}.");
    }

    /// <summary>The model <c>TrainAsync</c> fits by default: 4 prototypes with per-user mixtures and surface biases, 20 epochs.</summary>
    [Benchmark]
    public float[] FitDefault() => Fit(_corpus.Train, ComparisonCorpus.Users, _default).Model.Base;

    /// <summary>The population Bradley–Terry path (Prototypes = 0, SkewRank = 0, no user parts), 20 epochs: what <c>benchmarks/sklearn</c> compares.</summary>
    [Benchmark(Baseline = true)]
    public float[] FitBradleyTerry() => Fit(_population, 0, _bradleyTerry).Model.Base;

    private (RewardModel Model, UserPart[] Users) Fit(IReadOnlyList<PairSample> samples, int users, TrainerOptions options)
        => RankingTrainer.Train(samples, users, _corpus.EmbeddingDimensions, options);
}
