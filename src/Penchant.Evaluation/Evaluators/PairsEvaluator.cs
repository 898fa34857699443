using Microsoft.Extensions.AI;
using Penchant.Evaluation.Datasets;
using Penchant.Evaluation.Metrics;
using Penchant.Learning.Ranking;
using Penchant.Ranking;

namespace Penchant.Evaluation.Evaluators;

/// <summary>
/// A population Bradley–Terry model trained on some HH-RLHF splits and tested on another: pairwise accuracy and
/// expected calibration error.
/// </summary>
public static class PairsEvaluator
{
    /// <summary>Reads the splits, embeds every text once, trains the population model and scores it on the test split.</summary>
    /// <param name="embeddings">The embedding generator (the MiniLM model).</param>
    /// <param name="directory">The HH-RLHF folder (<see cref="HhRlhfData.ResolveDirectory"/>).</param>
    /// <param name="trainSplits">The training splits.</param>
    /// <param name="testSplit">The test split.</param>
    /// <param name="limit">Pairs read from each split.</param>
    /// <param name="seed">The seed of the training and of the test pairs' orientations.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The report.</returns>
    /// <exception cref="EvaluationInputException">A split does not exist or is malformed.</exception>
    public static async Task<PairsReport> RunAsync(
        IEmbeddingGenerator<string, Embedding<float>> embeddings,
        string directory,
        IReadOnlyList<string> trainSplits,
        string testSplit,
        int limit,
        int seed,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(embeddings);
        ArgumentNullException.ThrowIfNull(trainSplits);
        var train = new List<HhPair>();
        foreach (string split in trainSplits)
        {
            train.AddRange(await HhRlhfData.ReadAsync(directory, split, limit, cancellationToken));
        }

        List<HhPair> test = await HhRlhfData.ReadAsync(directory, testSplit, limit, cancellationToken);
        Dictionary<string, float[]> vectors = await HhRlhfData.EmbedAsync(
            embeddings, train.Concat(test).SelectMany(static p => (string[])[p.Prompt, p.Chosen, p.Rejected]), cancellationToken);
        List<PairSample> Samples(List<HhPair> pairs) =>
            [.. pairs.Select(p => new PairSample(-1, HhRlhfData.Features(vectors, p.Prompt, p.Chosen), HhRlhfData.Features(vectors, p.Prompt, p.Rejected)))];

        int dimensions = vectors.Values.First().Length;
        var options = new TrainerOptions { Prototypes = 0, Seed = seed, Epochs = 10, LearningRate = 0.002, L2 = 1e-3 };
        (RewardModel model, _) = RankingTrainer.Train(Samples(train), 0, dimensions, options, cancellationToken);

        // Score each test pair in a random orientation, so that calibration is measured on both sides of 0.5.
        var random = new Random(seed);
        var probabilities = new List<double>();
        var flipped = new List<bool>();
        foreach (PairSample s in Samples(test))
        {
            probabilities.Add(RankingTrainer.Sigmoid(RankingTrainer.Logit(model, null, s.Preferred, s.Rejected)));
            flipped.Add(random.Next(2) == 1);
        }

        return new PairsReport(
            train.Count,
            test.Count,
            model.Temperature,
            PairwiseAccuracy.Mean(probabilities),
            PairwiseAccuracy.ExpectedCalibrationError(probabilities, flipped));
    }
}
