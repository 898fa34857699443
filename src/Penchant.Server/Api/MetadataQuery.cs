using Penchant.Domain;
using Penchant.Signals;

namespace Penchant.Server.Api;

/// <summary>
/// Reads what the API's endpoints share about metadata and expiry: the <c>metadata.&lt;key&gt;=&lt;value&gt;</c> filter of a
/// request's query string, and the metadata, <c>expiresAt</c> and <c>ttl</c> of a write, checked before anything is written.
/// </summary>
public static class MetadataQuery
{
    /// <summary>Reads the metadata filter from a request's query string (<c>?metadata.app=mail</c>).</summary>
    /// <param name="context">The request.</param>
    /// <returns>The filter; <see cref="MetadataFilter.None"/> when the query names none.</returns>
    /// <exception cref="ArgumentException">A condition is malformed (answered with a 400 problem).</exception>
    public static MetadataFilter Filter(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return MetadataFilter.Parse(context.Request.Query.Select(static q => new KeyValuePair<string, IReadOnlyList<string?>>(q.Key, q.Value.ToArray())));
    }

    /// <summary>Gives signals the metadata and expiry of the request that carried them.</summary>
    /// <typeparam name="TSignal">The signal type.</typeparam>
    /// <param name="signal">The signal.</param>
    /// <param name="metadata">The metadata, or <see langword="null"/>.</param>
    /// <param name="expiresAt">The expiry time, or <see langword="null"/>.</param>
    /// <param name="ttl">The time to live as sent (an ISO-8601 duration or seconds), or <see langword="null"/>.</param>
    /// <returns>The signal with them.</returns>
    /// <exception cref="ArgumentException">The metadata breaks a limit, the time to live is malformed, or both an expiry and a time to live are given.</exception>
    public static TSignal Apply<TSignal>(TSignal signal, IReadOnlyDictionary<string, string>? metadata, DateTimeOffset? expiresAt, string? ttl)
        where TSignal : Signal
    {
        ArgumentNullException.ThrowIfNull(signal);
        PreferenceMetadata.Validate(metadata, "metadata");
        if (expiresAt is not null && ttl is not null)
        {
            throw new ArgumentException("Give either expiresAt or ttl, not both.", "ttl");
        }

        TimeSpan? timeToLive = ttl is null ? null : TimeToLive.Parse(ttl, "ttl");
        return signal with { Metadata = metadata, ExpiresAt = expiresAt, TimeToLive = timeToLive };
    }
}
