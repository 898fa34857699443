using Penchant.Language;

namespace Penchant.Selecting;

/// <summary>
/// One part of a request, split like a situation's qualifiers (see <see cref="ScopeSituations.Parts(string, bool)"/>): the
/// runs of content words between closed-class words ("upper-body workout", "landlord", "sunny front garden"), embedded so
/// that each qualifier of a scoped preference's situation can be compared with the part that fills the same slot.
/// </summary>
/// <param name="Text">The part, in lower case.</param>
/// <param name="Vector">Its embedding.</param>
internal sealed record RequestPart(string Text, float[] Vector)
{
    /// <summary>Gets the stems of the part's content words.</summary>
    public HashSet<string> Stems { get; } = TextTools.ContentStems(Text);

    /// <summary>Splits a request into the parts a situation's qualifiers are compared with.</summary>
    /// <param name="text">The request.</param>
    /// <returns>The parts in lower case, in order; a request that opens with its verb ("Plan …") loses it.</returns>
    public static List<string> Split(string text)
        => ScopeSituations.Parts(text, verbFirst: !FunctionWords.QuestionStart().IsMatch(text.TrimStart().ToLowerInvariant()));
}
