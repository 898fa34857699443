using Penchant.Signals;
namespace Penchant.Learning.Feedback;

/// <summary>Reads how a user took an answer from their next message (the WildFeedback idea).</summary>
/// <remarks>
/// Implementations are thread-safe. The default is <see cref="LearnedReactionClassifier"/> (a trained classifier over MiniLM
/// embeddings and general cues), which answers as <see cref="RuleBasedReactionClassifier"/> with other embeddings; a
/// language-model classifier may replace it and fall back to the default.
/// </remarks>
public interface IReactionClassifier
{
    /// <summary>Classifies the user's next message as satisfied, dissatisfied or neutral, with the reason.</summary>
    /// <param name="request">The user's earlier request, or <see langword="null"/> when unknown.</param>
    /// <param name="answer">The assistant's answer to it, or <see langword="null"/> when unknown.</param>
    /// <param name="turn">The user's next message.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The classification.</returns>
    ValueTask<ReactionClassification> ClassifyAsync(string? request, string? answer, string turn, CancellationToken cancellationToken = default);
}
