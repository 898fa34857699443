using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Penchant.Learning;
using Penchant.Recommending;
using Penchant.Signals;
using Penchant.Storage;

namespace Penchant.DependencyInjection;

/// <summary>Configures Penchant's parts (store, embeddings, extractors, signals, learners) after <c>AddPenchant</c>.</summary>
/// <param name="services">The service collection being configured.</param>
public sealed class PenchantBuilder(IServiceCollection services)
{
    /// <summary>Gets the service collection being configured.</summary>
    public IServiceCollection Services { get; } = services ?? throw new ArgumentNullException(nameof(services));

    /// <summary>
    /// Adds a learner: it is given every log entry of the kinds it reads, when they are recorded and when the log is
    /// replayed, after the learners registered before it. Registering the same type twice is harmless.
    /// </summary>
    /// <typeparam name="TLearner">The learner (a singleton; its constructor's parameters come from the container).</typeparam>
    /// <returns>This builder.</returns>
    public PenchantBuilder AddLearner<TLearner>()
        where TLearner : class, ILearner
    {
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<ILearner, TLearner>());
        return this;
    }

    /// <summary>Configures decisions and their policy (<see cref="Deciding.IDecider"/>): exploration rate, reward wait, default reward, policy.</summary>
    /// <param name="configure">Configures the options.</param>
    /// <returns>This builder.</returns>
    public PenchantBuilder ConfigureDecisions(Action<Deciding.DecidingOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        Services.Configure(configure);
        return this;
    }

    /// <summary>
    /// Adds a signal type: <see cref="IPenchant.RecordAsync"/> accepts it, and its codec writes it into the event log under
    /// its own kind and reads it back for learners. Registering the same codec twice is harmless.
    /// </summary>
    /// <typeparam name="TSignal">The signal type.</typeparam>
    /// <typeparam name="TCodec">Its codec (a singleton).</typeparam>
    /// <returns>This builder.</returns>
    public PenchantBuilder AddSignal<TSignal, TCodec>()
        where TSignal : Signal
        where TCodec : SignalCodec<TSignal>
    {
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<SignalCodec, TCodec>());
        return this;
    }

    /// <summary>
    /// Adds sequential recommendation: every <see cref="Choice"/> recorded extends the user's sequence of chosen items, and
    /// <see cref="SequenceQuery"/> (resolve it from the container) trains the tenant's next-item model and recommends what
    /// a user is likely to choose next. Registering it twice keeps the first settings.
    /// </summary>
    /// <param name="options">The model settings; the defaults when <see langword="null"/>.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    public PenchantBuilder AddSequenceRecommendation(NextItemOptions? options = null)
    {
        NextItemOptions settings = options ?? new NextItemOptions();
        settings.Validate();
        Services.TryAddSingleton(sp => new SequenceQuery(sp.GetRequiredService<UserStateCache>(), sp.GetRequiredService<SignalCodecs>(), settings));
        return AddLearner<SequenceLearner>();
    }
}
