namespace Penchant.Domain;

/// <summary>A preference that applies to a request, with how likely it applies and why.</summary>
/// <param name="Preference">The preference.</param>
/// <param name="Probability">The calibrated probability that the preference applies to the request.</param>
/// <param name="Reasons">Readable reasons for the decision.</param>
public sealed record SelectedPreference(Preference Preference, double Probability, IReadOnlyList<string> Reasons)
{
    /// <summary>Gets the identifiers of the signals the preference came from.</summary>
    public IReadOnlyList<string> Sources => Preference.Sources;
}
