using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Penchant.AI.Extraction;
using Penchant.DependencyInjection;
using Penchant.Learning.Feedback;
using Penchant.Learning.Statements;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the language-model extractor.</summary>
public static class ChatClientExtractorPenchantBuilderExtensions
{
    /// <summary>
    /// Extracts preferences and classifies reactions with a language model (JSON output), falling back to the rule-and-embedding
    /// default whenever the model fails or answers invalid JSON.
    /// </summary>
    /// <param name="builder">The Penchant builder.</param>
    /// <param name="chatClient">The model; the registered <see cref="IChatClient"/> when <see langword="null"/>. Give a plain client, not one wrapped with <c>UsePreferences</c>.</param>
    /// <returns>The <paramref name="builder"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public static PenchantBuilder UseChatClientExtractor(this PenchantBuilder builder, IChatClient? chatClient = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.RemoveAll<IPreferenceExtractor>();
        builder.Services.RemoveAll<IReactionClassifier>();
        builder.Services.TryAddSingleton(sp => new ChatClientPreferenceExtractor(
            chatClient ?? sp.GetRequiredService<IChatClient>(),
            ActivatorUtilities.CreateInstance<RuleBasedExtractor>(sp),
            ActivatorUtilities.CreateInstance<RuleBasedReactionClassifier>(sp),
            sp.GetService<ILoggerFactory>()?.CreateLogger<ChatClientPreferenceExtractor>()));
        builder.Services.AddSingleton<IPreferenceExtractor>(static sp => sp.GetRequiredService<ChatClientPreferenceExtractor>());
        builder.Services.AddSingleton<IReactionClassifier>(static sp => sp.GetRequiredService<ChatClientPreferenceExtractor>());
        return builder;
    }
}
