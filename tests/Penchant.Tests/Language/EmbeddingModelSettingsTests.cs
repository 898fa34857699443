using Microsoft.Extensions.AI;
using Penchant.Learning.Feedback;

namespace Penchant.Language;

public sealed class EmbeddingModelSettingsTests
{
    [Fact]
    public void Default_IsTheMiniLmProfile_WithTheTunedValues()
    {
        EmbeddingModelSettings settings = EmbeddingModelSettings.Default;

        // The values the learners used as constants before they were gathered here; the evaluations were measured with them.
        Assert.Same(EmbeddingModelSettings.MiniLmL6V2, settings);
        Assert.Equal("sentence-transformers/all-MiniLM-L6-v2", settings.Model);
        Assert.Equal(
            [0.30, 0.25, 0.45, 0.5, 0.5, 0.97, 0.7, 0.30, 0.45, 0.15, 0.40, 0.15, 0.3, 0.40, 0.3, 0.35, 0.82],
            [
                settings.SameObjectSimilarity, settings.SameStanceSimilarity, settings.SharedWordSimilarity, settings.RewordedSimilarity,
                settings.SameFrameSimilarity, settings.SameFrameCeiling, settings.ReversalSimilarity, settings.HintTopicSimilarity,
                settings.SameSubjectSimilarity, settings.ScopeMargin, settings.ScopeMet, settings.ScopeBand, settings.OverrideSimilarity,
                settings.ChainSimilarity, settings.ReasonTextSimilarity, settings.ReasonHintSimilarity, settings.RepeatSimilarity,
            ]);
    }

    [Fact]
    public void RepeatSimilarity_IsTheReactionClassifiersDefault()
    {
        var classifier = new RuleBasedReactionClassifier(new NoEmbeddings());

        Assert.Equal(EmbeddingModelSettings.Default.RepeatSimilarity, classifier.RepeatSimilarity);
    }

    private sealed class NoEmbeddings : IEmbeddingGenerator<string, Embedding<float>>
    {
        public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
