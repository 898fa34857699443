using Penchant.Signals;

namespace Penchant.Server.Contracts;

/// <summary>A user's verdict on a principle (<c>POST /v1/users/{userId}/principles/{principleId}/verdicts</c>).</summary>
/// <param name="Verdict">Confirm, correct or delete (required).</param>
/// <param name="Correction">For a correction, the principle in the user's own words (it becomes a stated preference); absent otherwise.</param>
/// <param name="At">When; the server's clock when absent.</param>
public sealed record PrincipleVerdictRequest(PrincipleVerdictKind? Verdict, string? Correction = null, DateTimeOffset? At = null);
