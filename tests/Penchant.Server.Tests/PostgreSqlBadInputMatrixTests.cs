namespace Penchant.Server;

/// <summary>The bad-input matrix on PostgreSQL (skipped when <c>PENCHANT_POSTGRES</c> is unset).</summary>
public sealed class PostgreSqlBadInputMatrixTests : BadInputMatrixTests<PostgreSqlServerFactory>
{
    /// <summary>Initializes a new instance of the <see cref="PostgreSqlBadInputMatrixTests"/> class, or skips the test when no server is configured.</summary>
    /// <param name="factory">The service on PostgreSQL.</param>
    public PostgreSqlBadInputMatrixTests(PostgreSqlServerFactory factory)
        : base(factory) => PostgreSqlServerFactory.SkipUnlessConfigured();
}
