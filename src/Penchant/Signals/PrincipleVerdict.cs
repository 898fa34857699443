namespace Penchant.Signals;

/// <summary>
/// The user checked a principle Penchant proposed and confirmed, corrected or deleted it. The verdict is a signal like any
/// other, kept in the event log: explaining reads it back, and a correction's text becomes a stated preference whose
/// source is the verdict, selected and applied like anything else the user said.
/// </summary>
/// <param name="PrincipleId">The principle's identifier (<see cref="Domain.Principle.Id"/>).</param>
/// <param name="Verdict">What the user said.</param>
/// <param name="Correction">For <see cref="PrincipleVerdictKind.Correct"/>, the principle in the user's own words; otherwise <see langword="null"/>.</param>
/// <param name="At">When; the engine's clock when <see langword="null"/>.</param>
public sealed record PrincipleVerdict(string PrincipleId, PrincipleVerdictKind Verdict, string? Correction = null, DateTimeOffset? At = null) : Signal;
