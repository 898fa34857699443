namespace Penchant.Storage.Conformance;

/// <summary>
/// A fixture whose stores keep a metadata index in a table of their own, read directly (not through the store's API), so the
/// suite can check that the index holds exactly the metadata of the stored preferences and that deleting removes its rows.
/// </summary>
public interface IMetadataIndexFixture
{
    /// <summary>Reads every row of a tenant's metadata index.</summary>
    /// <param name="store">A store this fixture created.</param>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The rows as (user, key, value, preference) in any order.</returns>
    Task<IReadOnlyList<(string User, string Key, string Value, string PreferenceId)>> ReadMetadataIndexAsync(
        IPreferenceStore store, string tenantId, CancellationToken cancellationToken = default);
}
