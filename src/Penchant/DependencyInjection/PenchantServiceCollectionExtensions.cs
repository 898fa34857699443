using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Penchant;
using Penchant.Deciding;
using Penchant.DependencyInjection;
using Penchant.Engine;
using Penchant.Explaining;
using Penchant.Learning;
using Penchant.Learning.Edits;
using Penchant.Learning.Exploration;
using Penchant.Learning.Feedback;
using Penchant.Learning.Gating;
using Penchant.Learning.Principles;
using Penchant.Learning.Scopes;
using Penchant.Learning.Ranking;
using Penchant.Learning.Statements;
using Penchant.Ranking;
using Penchant.Searching;
using Penchant.Selecting;
using Penchant.Signals;
using Penchant.Signals.Codecs;
using Penchant.Storage;
using Penchant.Webhooks;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Penchant engine.</summary>
public static class PenchantServiceCollectionExtensions
{
    /// <summary>Adds the Penchant engine with default options. Chain a store (<c>UseSqlite</c>) and embeddings (<c>UseMiniLmEmbeddings</c>).</summary>
    /// <param name="services">The services.</param>
    /// <returns>A builder to configure the engine's parts.</returns>
    public static PenchantBuilder AddPenchant(this IServiceCollection services) => services.AddPenchant(static _ => { });

    /// <summary>Adds the Penchant engine, configuring its options.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns>A builder to configure the engine's parts.</returns>
    public static PenchantBuilder AddPenchant(this IServiceCollection services, Action<PenchantOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<PenchantOptions>().Configure(configure);
        return AddCore(services);
    }

    /// <summary>Adds the Penchant engine, binding its options to a configuration section.</summary>
    /// <param name="services">The services.</param>
    /// <param name="section">The configuration section (for example <c>Penchant</c>).</param>
    /// <returns>A builder to configure the engine's parts.</returns>
    public static PenchantBuilder AddPenchant(this IServiceCollection services, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        services.AddOptions<PenchantOptions>().Bind(section);
        return AddCore(services);
    }

    private static PenchantBuilder AddCore(IServiceCollection services)
    {
        services.AddOptionsWithValidateOnStart<PenchantOptions, PenchantOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IPreferenceExtractor, RuleBasedExtractor>();
        services.TryAddSingleton<IApplicabilityHinter, LexiconHinter>();
        services.TryAddSingleton<IReactionClassifier>(static sp => new LearnedReactionClassifier(sp.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>()));

        // State and the queries over it.
        services.TryAddSingleton<UserStateCache>();
        services.TryAddSingleton<EditStyles>();
        services.TryAddSingleton<SelectionQuery>();
        services.TryAddSingleton<RankingModels>();
        services.TryAddSingleton<RankingQuery>();
        services.TryAddSingleton<PrincipleQuery>();
        services.TryAddSingleton<SearchQuery>();

        // Signals: each type with its codec.
        services.TryAddSingleton(static sp => new SignalCodecs(sp.GetServices<SignalCodec>()));
        var builder = new PenchantBuilder(services)
            .AddSignal<Statement, StatementCodec>()
            .AddSignal<ConversationTurn, ConversationTurnCodec>()
            .AddSignal<Reaction, ReactionCodec>()
            .AddSignal<Comparison, ComparisonCodec>()
            .AddSignal<Rating, RatingCodec>()
            .AddSignal<Choice, ChoiceCodec>()
            .AddSignal<Decision, DecisionCodec>()
            .AddSignal<Reward, RewardCodec>()
            .AddSignal<Activation, ActivationCodec>()
            .AddSignal<Edit, EditCodec>()
            .AddSignal<PreferenceEdit, PreferenceEditCodec>()
            .AddSignal<PrincipleVerdict, PrincipleVerdictCodec>()
            .AddSignal<ScopeNarrowing, ScopeNarrowingCodec>();

        // Learners, in the order they see each entry.
        services.TryAddSingleton<PreferenceIntake>();
        services.TryAddSingleton<LearningPipeline>();
        services.TryAddSingleton<RankingTraining>();
        builder.AddLearner<StatementLearner>().AddLearner<GateRefinementLearner>().AddLearner<ReactionLearner>().AddLearner<RankingLearner>().AddLearner<DecisionLearner>().AddLearner<EditLearner>().AddLearner<PreferenceEditLearner>().AddLearner<PrincipleVerdictLearner>();
        builder.AddLearner<ScopeNarrowingLearner>();

        // Decisions: a query that logs itself as a signal; rewards are signals; the policy is the DecisionLearner.
        services.AddOptionsWithValidateOnStart<DecidingOptions, DecidingOptionsValidator>();
        services.TryAddSingleton<DecisionFeaturizer>(static sp => new DecisionFeaturizer(
            sp.GetRequiredService<IOptions<DecidingOptions>>(), sp.GetService<IEmbeddingGenerator<string, Embedding<float>>>()));
        services.TryAddSingleton<PolicyCache>();
        services.TryAddSingleton<PolicyUpdater>();
        services.TryAddSingleton<IDecider>(static sp => new Decider(
            sp.GetRequiredService<IPenchant>(),
            sp.GetRequiredService<UserStateCache>(),
            sp.GetRequiredService<DecisionFeaturizer>(),
            sp.GetRequiredService<IOptions<DecidingOptions>>(),
            sp.GetRequiredService<IOptions<PenchantOptions>>(),
            sp.GetRequiredService<PolicyCache>(),
            sp.GetRequiredService<PolicyUpdater>(),
            sp.GetService<TimeProvider>()));

        services.TryAddSingleton<IPenchant>(static sp => new PenchantEngine(
            sp.GetRequiredService<UserStateCache>(),
            sp.GetRequiredService<SignalCodecs>(),
            sp.GetRequiredService<LearningPipeline>(),
            sp.GetRequiredService<SelectionQuery>(),
            sp.GetRequiredService<RankingQuery>(),
            sp.GetRequiredService<RankingTraining>(),
            sp.GetRequiredService<PrincipleQuery>(),
            sp.GetRequiredService<SearchQuery>(),
            sp.GetRequiredService<IOptions<PenchantOptions>>(),
            sp.GetService<TimeProvider>(),
            sp.GetService<ILogger<PenchantEngine>>(),
            sp.GetService<IWebhookOutbox>(),
            ContentCaches(sp)));
        return builder;
    }

    // The caches of user content outside the users' state: those registered as services, and the embedding generator's own.
    private static IReadOnlyList<IUserContentCache> ContentCaches(IServiceProvider services)
    {
        List<IUserContentCache> caches = [.. services.GetServices<IUserContentCache>()];
        if (services.GetService<IEmbeddingGenerator<string, Embedding<float>>>()?.GetService<IUserContentCache>() is { } embeddings
            && !caches.Contains(embeddings))
        {
            caches.Add(embeddings);
        }

        return caches;
    }
}
