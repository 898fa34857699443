namespace Penchant.Storage.Conformance;

/// <summary>Creates the stores that <see cref="PreferenceStoreConformanceTests{TFixture}"/> runs against.</summary>
/// <remarks>
/// The fixture is shared by every test of a class (an xunit class fixture) and may implement <see cref="IAsyncDisposable"/>
/// to clean up what it made (files, databases). Tests may run one after another on the same fixture, never in parallel.
/// </remarks>
public interface IStoreFixture
{
    /// <summary>Creates a fresh, empty store that no other test uses, ready for use.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The store; the test disposes it if it implements <see cref="IAsyncDisposable"/> or <see cref="IDisposable"/>.</returns>
    Task<IPreferenceStore> CreateStoreAsync(CancellationToken cancellationToken = default);
}
