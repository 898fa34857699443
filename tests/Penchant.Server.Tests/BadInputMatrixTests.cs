namespace Penchant.Server;

/// <summary>The bad-input matrix on the SQLite store (the default).</summary>
public sealed class BadInputMatrixTests(PenchantServerFactory factory) : BadInputMatrixTests<PenchantServerFactory>(factory);
