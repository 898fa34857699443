using Penchant.Webhooks;

namespace Penchant.Storage.Conformance;

/// <summary>Creates the webhook stores that <see cref="WebhookStoreConformanceTests{TFixture}"/> runs against.</summary>
public interface IWebhookStoreFixture
{
    /// <summary>Creates a fresh, empty webhook store that no other test uses, ready for use.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The store.</returns>
    Task<IWebhookStore> CreateWebhookStoreAsync(CancellationToken cancellationToken = default);

    /// <summary>Creates a fresh preference store and a webhook store over one new database, both ready for use.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The two stores; the test disposes the preference store if it is disposable.</returns>
    Task<(IPreferenceStore Preferences, IWebhookStore Webhooks)> CreateStoresSharingADatabaseAsync(CancellationToken cancellationToken = default);
}
