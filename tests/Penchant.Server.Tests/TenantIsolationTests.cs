namespace Penchant.Server;

/// <summary>Tenant isolation on the SQLite store (the default).</summary>
public sealed class TenantIsolationTests(PenchantServerFactory factory) : TenantIsolationTests<PenchantServerFactory>(factory);
