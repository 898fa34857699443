namespace Penchant.Server;

/// <summary>Tenant isolation on PostgreSQL (skipped when <c>PENCHANT_POSTGRES</c> is unset).</summary>
public sealed class PostgreSqlTenantIsolationTests : TenantIsolationTests<PostgreSqlServerFactory>
{
    /// <summary>Initializes a new instance of the <see cref="PostgreSqlTenantIsolationTests"/> class, or skips the test when no server is configured.</summary>
    /// <param name="factory">The service on PostgreSQL.</param>
    public PostgreSqlTenantIsolationTests(PostgreSqlServerFactory factory)
        : base(factory) => PostgreSqlServerFactory.SkipUnlessConfigured();
}
