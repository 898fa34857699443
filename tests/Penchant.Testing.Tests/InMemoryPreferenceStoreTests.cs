using Penchant.Storage.Conformance;

namespace Penchant.Testing;

public sealed class InMemoryPreferenceStoreTests(InMemoryStoreFixture fixture)
    : PreferenceStoreConformanceTests<InMemoryStoreFixture>(fixture);
