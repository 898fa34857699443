using Penchant.Storage;
using Penchant.Storage.Conformance;

namespace Penchant.Testing;

/// <summary>Creates a fresh <see cref="InMemoryPreferenceStore"/> for each conformance test.</summary>
public sealed class InMemoryStoreFixture : IStoreFixture
{
    public Task<IPreferenceStore> CreateStoreAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IPreferenceStore>(new InMemoryPreferenceStore());
}
