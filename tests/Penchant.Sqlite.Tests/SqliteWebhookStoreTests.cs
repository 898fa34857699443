using Penchant.Storage.Conformance;

namespace Penchant.Sqlite;

/// <summary>The webhook store conformance suite on a SQLite file.</summary>
public sealed class SqliteWebhookStoreTests(SqliteStoreFixture fixture) : WebhookStoreConformanceTests<SqliteStoreFixture>(fixture);
