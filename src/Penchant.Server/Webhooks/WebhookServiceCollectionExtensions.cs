using Microsoft.Extensions.DependencyInjection.Extensions;
using Penchant.Webhooks;

namespace Penchant.Server.Webhooks;

/// <summary>Registers webhooks in the service: the publisher, the engine decorator that feeds the outbox, and the delivery service.</summary>
internal static class WebhookServiceCollectionExtensions
{
    /// <summary>
    /// Decorates the registered <see cref="IPenchant"/> with <see cref="WebhookingPenchant"/> and adds the outbox's
    /// delivery service. Call after the engine and the store are registered.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration (section <see cref="WebhookOptions.Section"/>).</param>
    /// <returns>The same services.</returns>
    /// <exception cref="InvalidOperationException">No engine or no webhook store is registered yet.</exception>
    public static IServiceCollection AddPenchantWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        ServiceDescriptor engine = services.LastOrDefault(static d => d.ServiceType == typeof(IPenchant))
            ?? throw new InvalidOperationException("Register the engine (AddPenchant) before AddPenchantWebhooks.");
        if (!services.Any(static d => d.ServiceType == typeof(IWebhookStore)))
        {
            throw new InvalidOperationException("Register a store (UseSqlite or UsePostgreSql) before AddPenchantWebhooks.");
        }

        services.AddOptions<WebhookOptions>().Bind(configuration.GetSection(WebhookOptions.Section));
        services.AddOptionsWithValidateOnStart<WebhookOptions, WebhookOptionsValidator>();
        services.TryAddSingleton<WebhookPublisher>();
        services.TryAddSingleton<IWebhookOutbox>(static sp => sp.GetRequiredService<WebhookPublisher>());
        services.AddHttpClient(WebhookDeliveryService.ClientName, static client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(static () => new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(2) })
            .RemoveAllLoggers(); // Attempts are recorded in the outbox; the factory would log every URL and failure at Information.
        services.AddHostedService<WebhookDeliveryService>();
        services.Remove(engine);
        services.AddSingleton<IPenchant>(sp => new WebhookingPenchant(Inner(engine, sp), sp.GetRequiredService<WebhookPublisher>()));
        return services;
    }

    private static IPenchant Inner(ServiceDescriptor engine, IServiceProvider services) =>
        engine.ImplementationInstance as IPenchant
        ?? (IPenchant?)engine.ImplementationFactory?.Invoke(services)
        ?? (IPenchant)ActivatorUtilities.CreateInstance(services, engine.ImplementationType!);
}
