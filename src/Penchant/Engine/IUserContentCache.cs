namespace Penchant.Engine;

/// <summary>
/// A cache outside the users' state that may hold text a user wrote, or what was derived from it (an embedding generator's
/// cache of vectors by text, a featurizer's cache of texts): the engine clears every such cache when it deletes user
/// content (forgetting a preference or a user, expiry), so that deleting is real deletion in this process.
/// </summary>
/// <remarks>
/// The engine finds these caches as services registered in the container and as the embedding generator's own service
/// (<c>GetService(typeof(IUserContentCache))</c>). Implementations must be thread-safe; clearing may only cost time (the
/// entries are computed again), never correctness.
/// </remarks>
public interface IUserContentCache
{
    /// <summary>Drops every cached entry.</summary>
    void Clear();
}
