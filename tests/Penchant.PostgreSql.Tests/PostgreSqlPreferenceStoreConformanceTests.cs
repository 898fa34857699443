using Penchant.Storage.Conformance;

namespace Penchant.PostgreSql;

/// <summary>The store conformance suite, unchanged, on a real PostgreSQL server.</summary>
public sealed class PostgreSqlPreferenceStoreConformanceTests(PostgreSqlStoreFixture fixture)
    : PreferenceStoreConformanceTests<PostgreSqlStoreFixture>(fixture);
