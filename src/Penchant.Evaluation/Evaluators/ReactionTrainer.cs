using System.Security.Cryptography;
using Microsoft.Extensions.AI;
using Penchant.Learning.Feedback;
using Penchant.Numerics;

namespace Penchant.Evaluation.Evaluators;

/// <summary>
/// Trains the learned reaction classifier's weights (<see cref="LearnedReactionClassifier"/>) on labelled follow-ups:
/// a class-balanced multinomial logistic regression over <c>ReactionFeatures</c>, deterministic (full-batch gradient
/// descent from zero weights).
/// </summary>
public static class ReactionTrainer
{
    /// <summary>The L2 penalty on the weights.</summary>
    public const double L2 = 0.003;

    /// <summary>The gradient steps.</summary>
    public const int Iterations = 600;

    /// <summary>The step size.</summary>
    public const double LearningRate = 0.3;

    /// <summary>Trains a model and returns it as JSON, with its provenance.</summary>
    /// <param name="embeddings">The embedding generator (MiniLM for the shipped model).</param>
    /// <param name="cases">The labelled follow-ups (the tune split).</param>
    /// <param name="command">The command that trains it, recorded in the provenance.</param>
    /// <param name="casesFile">The cases file, hashed into the provenance.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The model as JSON text.</returns>
    /// <exception cref="EvaluationInputException">There are no cases, or a class has none.</exception>
    public static async Task<string> TrainAsync(IEmbeddingGenerator<string, Embedding<float>> embeddings, IReadOnlyList<ReactionCase> cases, string command, string casesFile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(embeddings);
        ArgumentNullException.ThrowIfNull(cases);
        foreach (Penchant.Signals.ReactionLabel label in ReactionModel.Labels)
        {
            if (!cases.Any(c => c.Label == label))
            {
                throw new EvaluationInputException($"Training needs cases of every class; none is {ReactionsEvaluator.LabelName(label)}.");
            }
        }

        string modelId = embeddings.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId
            ?? throw new EvaluationInputException("The embedding generator does not name its model.");
        var x = new List<double[]>(cases.Count);
        var y = new List<int>(cases.Count);
        int dimensions = 0;
        foreach (ReactionCase c in cases)
        {
            List<string> inputs = [c.Turn.Trim()];
            bool hasRequest = !string.IsNullOrWhiteSpace(c.Request), hasAnswer = !string.IsNullOrWhiteSpace(c.Answer);
            if (hasRequest)
            {
                inputs.Add(c.Request!.Trim());
            }

            if (hasAnswer)
            {
                inputs.Add(c.Answer!.Trim());
            }

            GeneratedEmbeddings<Embedding<float>> v = await embeddings.GenerateAsync(inputs, cancellationToken: cancellationToken);
            dimensions = v[0].Vector.Length;
            x.Add(ReactionFeatures.Compute(
                c.Turn,
                v[0].Vector.Span,
                hasRequest ? v[1].Vector.Span : [],
                hasAnswer ? v[hasRequest ? 2 : 1].Vector.Span : []));
            y.Add(Array.IndexOf(ReactionModel.Labels, c.Label));
        }

        MultinomialLogistic regression = MultinomialLogistic.Train(x, y, ReactionModel.Labels.Length, L2, Iterations, LearningRate, balanced: true);
        string hash = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(casesFile, cancellationToken)));
        string provenance = $"{command} | {cases.Count} cases of {Path.GetFileName(casesFile)} (sha256 {hash}) | class-balanced multinomial logistic regression, l2 {L2}, {Iterations} steps, rate {LearningRate}, zero start | embeddings {modelId}";
        return new ReactionModel(modelId.Replace("-int8", string.Empty, StringComparison.Ordinal), dimensions, regression, provenance).ToString();
    }
}
