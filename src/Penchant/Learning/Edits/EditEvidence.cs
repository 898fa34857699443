namespace Penchant.Learning.Edits;

/// <summary>What one edit taught: the context it happened in, the style the user settled on, and which features they asserted.</summary>
/// <param name="EventId">The edit event.</param>
/// <param name="Context">The embedding of the edit's context.</param>
/// <param name="Levels">The style of the edited text, one level per <see cref="Domain.StyleFeature"/>.</param>
/// <param name="Changes">What the edit changed, one value per feature (see <see cref="StyleFeatures.Change"/>).</param>
/// <param name="Asserted">
/// The features the user stands by in this context, one bit each: those the edit changed, and those the nearest earlier
/// contexts preferred that the edit left alone (the CIPHER carry-forward: an accepted style is kept with its context).
/// </param>
/// <param name="Changed">The features the edit itself changed, one bit each.</param>
internal sealed record EditEvidence(string EventId, float[] Context, float[] Levels, float[] Changes, int Asserted, int Changed)
{
    /// <summary>Gets a value indicating whether the user asserted a feature in this context.</summary>
    public bool Asserts(int feature) => (Asserted & (1 << feature)) != 0;
}
