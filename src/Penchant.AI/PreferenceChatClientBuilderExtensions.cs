using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Penchant;
using Penchant.AI;

namespace Microsoft.Extensions.AI;

/// <summary>Adds Penchant to a chat pipeline.</summary>
public static class PreferenceChatClientBuilderExtensions
{
    /// <summary>
    /// Adds a <see cref="PreferenceChatClient"/>: the assistant remembers what each user wants, applies it only where it
    /// belongs and learns from how the user reacts.
    /// </summary>
    /// <param name="builder">The chat client builder.</param>
    /// <param name="engine">The preference engine; resolved from the service provider (<c>AddPenchant()</c>) when <see langword="null"/>.</param>
    /// <param name="configure">Configures the client (see <see cref="PreferenceChatClient.Options"/>), for example how users are identified.</param>
    /// <returns>The <paramref name="builder"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">No engine was given and none is registered; call <c>services.AddPenchant()</c>.</exception>
    public static ChatClientBuilder UsePreferences(this ChatClientBuilder builder, IPenchant? engine = null, Action<PreferenceChatClient>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Use((inner, services) =>
        {
            IPenchant resolved = engine ?? services.GetService<IPenchant>()
                ?? throw new InvalidOperationException("No IPenchant is registered: call services.AddPenchant() (with a store and embeddings), or pass an engine to UsePreferences.");
            var client = new PreferenceChatClient(inner, resolved, services.GetService<ILoggerFactory>()?.CreateLogger<PreferenceChatClient>());
            configure?.Invoke(client);
            return client;
        });
    }
}
