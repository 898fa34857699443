using Penchant.Storage.Conformance;

namespace Penchant.PostgreSql;

/// <summary>The webhook store conformance suite on a real PostgreSQL server.</summary>
public sealed class PostgreSqlWebhookStoreTests(PostgreSqlStoreFixture fixture) : WebhookStoreConformanceTests<PostgreSqlStoreFixture>(fixture);
