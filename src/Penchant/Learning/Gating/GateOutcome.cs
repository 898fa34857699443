namespace Penchant.Learning.Gating;

/// <summary>One recorded outcome of an applied preference: the shipped gate's calibrated log-odds for it then, and whether the user accepted the answer.</summary>
/// <param name="PreferenceId">The preference that was applied.</param>
/// <param name="Logit">The shipped gate's calibrated log-odds that it applied, when it was applied.</param>
/// <param name="Accepted"><see langword="true"/> for a satisfied reaction, <see langword="false"/> for a dissatisfied one.</param>
internal readonly record struct GateOutcome(string PreferenceId, double Logit, bool Accepted);
