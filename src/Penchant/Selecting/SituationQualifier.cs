using Penchant.Language;

namespace Penchant.Selecting;

/// <summary>
/// One qualifier of a preference's situation (see <see cref="ScopeSituations.Qualifiers(Domain.Preference)"/>): a part that
/// says which of its kind the situation is ("landlords" of replies, "lunchtime workouts" of workouts), prepared once per user
/// state with its vector and its similarity to the background of ordinary requests.
/// </summary>
/// <param name="Text">The part, in lower case.</param>
/// <param name="Vector">Its embedding.</param>
/// <param name="Mean">The mean similarity of the part to the background of ordinary requests.</param>
/// <param name="Spread">The spread of those similarities, at least <see cref="GateBackground.MinimumSpread"/>.</param>
internal sealed record SituationQualifier(string Text, float[] Vector, double Mean, double Spread)
{
    /// <summary>Gets the vector of the situation with this qualifier made general (see <see cref="ScopeSituations.General(string, string)"/>), or <see langword="null"/>.</summary>
    public float[]? General { get; init; }

    /// <summary>Gets the qualifier's modifier, prepared like a qualifier (see <see cref="ScopeSituations.Modifier(string)"/>), or <see langword="null"/> for a qualifier of one word.</summary>
    public SituationQualifier? Modifier { get; init; }

    /// <summary>Gets the stems of the part's content words.</summary>
    public HashSet<string> Stems { get; } = TextTools.ContentStems(Text);

    /// <summary>Gets whom the part names (see <see cref="ScopeSituations.PersonOf(string)"/>), or <see langword="null"/>.</summary>
    public string? Person { get; } = ScopeSituations.PersonOf(Text);

    /// <summary>Prepares a qualifier against the background.</summary>
    /// <param name="text">The part.</param>
    /// <param name="vector">Its embedding.</param>
    /// <param name="background">The background vectors.</param>
    /// <returns>The prepared qualifier.</returns>
    public static SituationQualifier Create(string text, float[] vector, float[][] background)
    {
        (double mean, double spread) = GateBackground.Measure(vector, background);
        return new SituationQualifier(text, vector, mean, spread);
    }
}
