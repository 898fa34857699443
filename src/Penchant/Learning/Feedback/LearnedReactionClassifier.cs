using System.Globalization;
using Microsoft.Extensions.AI;
using Penchant.Language;
using Penchant.Signals;

namespace Penchant.Learning.Feedback;

/// <summary>
/// The default reaction classifier where MiniLM embeddings are available: a multinomial logistic regression, trained by
/// <c>penchant train reactions</c> on labelled follow-ups, over the follow-up's embedding, its similarity to the earlier
/// request and to the answer, and general closed-class cues. With another embedding model it answers as
/// <see cref="RuleBasedReactionClassifier"/> does.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public sealed class LearnedReactionClassifier : IReactionClassifier
{
    private readonly IEmbeddingGenerator<string, Embedding<float>> _embeddings;
    private readonly ReactionModel? _model;
    private readonly RuleBasedReactionClassifier _fallback;

    /// <summary>Initializes a new instance of the <see cref="LearnedReactionClassifier"/> class with the shipped model.</summary>
    /// <param name="embeddings">The embedding generator.</param>
    public LearnedReactionClassifier(IEmbeddingGenerator<string, Embedding<float>> embeddings)
        : this(embeddings, ReactionModel.Default)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="LearnedReactionClassifier"/> class with weights written by <c>penchant train reactions</c>.</summary>
    /// <param name="embeddings">The embedding generator.</param>
    /// <param name="model">The weights file's content.</param>
    /// <exception cref="InvalidOperationException">The weights are malformed or do not fit this build's features.</exception>
    public LearnedReactionClassifier(IEmbeddingGenerator<string, Embedding<float>> embeddings, Stream model)
        : this(embeddings, ReactionModel.Read(model ?? throw new ArgumentNullException(nameof(model))))
    {
    }

    internal LearnedReactionClassifier(IEmbeddingGenerator<string, Embedding<float>> embeddings, ReactionModel? model)
    {
        ArgumentNullException.ThrowIfNull(embeddings);
        _embeddings = embeddings;
        _fallback = new RuleBasedReactionClassifier(embeddings);
        string? id = embeddings.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId;
        _model = model is not null && id is not null && id.StartsWith(model.EmbeddingModel, StringComparison.Ordinal) ? model : null;
    }

    /// <summary>Gets a value indicating whether the trained model answers (the embedding generator is the one it was trained on).</summary>
    public bool UsesTrainedModel => _model is not null;

    /// <inheritdoc/>
    public async ValueTask<ReactionClassification> ClassifyAsync(string? request, string? answer, string turn, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(turn);
        if (_model is null)
        {
            return await _fallback.ClassifyAsync(request, answer, turn, cancellationToken).ConfigureAwait(false);
        }

        string text = turn.Trim();
        List<string> inputs = [text];
        bool hasRequest = !string.IsNullOrWhiteSpace(request), hasAnswer = !string.IsNullOrWhiteSpace(answer);
        if (hasRequest)
        {
            inputs.Add(request!.Trim());
        }

        if (hasAnswer)
        {
            inputs.Add(answer!.Trim());
        }

        GeneratedEmbeddings<Embedding<float>> vectors = await _embeddings.GenerateAsync(inputs, cancellationToken: cancellationToken).ConfigureAwait(false);
        ReadOnlyMemory<float> turnVector = vectors[0].Vector;
        if (turnVector.Length != _model.Dimensions)
        {
            return await _fallback.ClassifyAsync(request, answer, turn, cancellationToken).ConfigureAwait(false);
        }

        ReadOnlyMemory<float> requestVector = hasRequest ? vectors[1].Vector : ReadOnlyMemory<float>.Empty;
        ReadOnlyMemory<float> answerVector = hasAnswer ? vectors[hasRequest ? 2 : 1].Vector : ReadOnlyMemory<float>.Empty;
        double[] x = ReactionFeatures.Compute(text, turnVector.Span, requestVector.Span, answerVector.Span);
        Span<double> p = stackalloc double[ReactionModel.Labels.Length];
        _model.Regression.Predict(x, p);
        int best = 0;
        for (int k = 1; k < p.Length; k++)
        {
            if (p[k] > p[best])
            {
                best = k;
            }
        }

        ReactionLabel label = ReactionModel.Labels[best];
        string reason = ReasonOf(label, text, p[best]);
        return new ReactionClassification(label, reason, Math.Round(p[best], 3), label == ReactionLabel.Dissatisfied ? RuleBasedReactionClassifier.WishOf(text) : null);
    }

    private static string ReasonOf(ReactionLabel label, string text, double probability)
    {
        string lower = text.ToLowerInvariant().Replace('’', '\'');
        if (label == ReactionLabel.Dissatisfied && ReactionCues.Sarcasm.IsMatch(lower))
        {
            return "sarcastic thanks or praise";
        }

        (System.Text.RegularExpressions.Regex Pattern, string Reason, double Weight)[]? cues =
            label == ReactionLabel.Satisfied ? ReactionCues.Satisfied : label == ReactionLabel.Dissatisfied ? ReactionCues.Dissatisfied : null;
        if (cues is not null)
        {
            foreach ((System.Text.RegularExpressions.Regex pattern, string why, _) in cues)
            {
                if (pattern.IsMatch(lower))
                {
                    return why;
                }
            }
        }

        return label == ReactionLabel.Neutral
            ? "follows up without judging the answer"
            : string.Create(CultureInfo.InvariantCulture, $"reads as {label.ToString().ToLowerInvariant()} (learned classifier, p = {probability:0.00})");
    }
}
