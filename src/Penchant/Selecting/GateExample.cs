namespace Penchant.Selecting;

/// <summary>A labelled (request, preference) pair for fitting the gate: its features, whether the preference applies, and the case it belongs to.</summary>
/// <param name="Features">The pair's features, measured against the user's other preferences (see <see cref="PreferenceGate.MeasureAll"/>).</param>
/// <param name="Applies">Whether the preference applies to the request.</param>
/// <param name="Group">The case (one request to one user): cross-validation keeps a case's pairs together.</param>
/// <param name="Weight">How much the pair counts in the fit (to balance sources of different sizes).</param>
internal readonly record struct GateExample(GateFeatures Features, bool Applies, int Group, double Weight = 1.0);
